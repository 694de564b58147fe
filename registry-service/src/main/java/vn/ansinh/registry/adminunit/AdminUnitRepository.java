package vn.ansinh.registry.adminunit;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface AdminUnitRepository extends MongoRepository<AdminUnit, String> {

    List<AdminUnit> findByParentCodeOrderByCode(String parentCode);

    List<AdminUnit> findByGsoCode(String gsoCode);
}
