package vn.ansinh.registry.adminunit;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface AdminUnitRepository extends MongoRepository<AdminUnit, String> {

    List<AdminUnit> findByParentCodeOrderByCode(String parentCode);

    List<AdminUnit> findByGsoCode(String gsoCode);
}
