package vn.ansinh.reporting.projection;

import org.bson.Document;

/**
 * Where projections read and write read-model documents: the database itself while live, a
 * write-behind buffer while rebuilding. Projections only ever read one document by id and replace
 * it, which both stores do cheaply.
 */
public interface ReadModelStore {

    /** @return the stored document, or null */
    Document find(String collection, String id);

    /** Inserts or replaces the document with its {@code _id}. */
    void put(String collection, Document document);
}
