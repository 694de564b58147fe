package vn.ansinh.registry.adminunit;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.registry.AdminUnitRecorded;
import vn.ansinh.platform.events.EventFactory;
import vn.ansinh.platform.events.OutboxRelay;

/** Imports the official unit list; each new or changed unit is saved with its event in one write. */
@Service
public class AdminUnitService {

    private final AdminUnitRepository repository;
    private final OfficialUnitListParser parser;
    private final EventFactory events;
    private final OutboxRelay relay;

    public AdminUnitService(AdminUnitRepository repository, tools.jackson.databind.json.JsonMapper jsonMapper,
                            EventFactory events, OutboxRelay relay) {
        this.repository = repository;
        this.parser = new OfficialUnitListParser(jsonMapper);
        this.events = events;
        this.relay = relay;
    }

    public record ImportResult(int read, int created, int updated, int unchanged) {
    }

    public ImportResult importUnitList(InputStream json) throws IOException {
        List<AdminUnit> incoming = parser.parse(json);
        Map<String, AdminUnit> existing = repository.findAllById(incoming.stream().map(AdminUnit::getCode).toList())
                .stream().collect(Collectors.toMap(AdminUnit::getCode, Function.identity()));
        List<AdminUnit> toSave = new ArrayList<>();
        int created = 0;
        int updated = 0;
        for (AdminUnit unit : incoming) {
            AdminUnit stored = existing.get(unit.getCode());
            if (stored == null) {
                created++;
                toSave.add(withEvent(unit));
            } else if (stored.differsFrom(unit)) {
                updated++;
                stored.takeValuesOf(unit);
                toSave.add(withEvent(stored));
            }
        }
        for (AdminUnit saved : repository.saveAll(toSave)) {
            relay.saved("admin_units", saved.getCode(), saved.pendingEvents());
        }
        return new ImportResult(incoming.size(), created, updated, incoming.size() - created - updated);
    }

    private AdminUnit withEvent(AdminUnit unit) {
        unit.recordEvent(events.create(Topics.ADMIN_UNITS, EventTypes.ADMIN_UNIT_RECORDED, unit.getCode(), unit.nextVersion(),
                new AdminUnitRecorded(unit.getCode(), unit.getName(), unit.getLevel().name(), unit.getParentCode(),
                        unit.getValidFrom(), unit.getValidTo())));
        return unit;
    }

    public Optional<AdminUnit> find(String code) {
        return repository.findById(code);
    }

    public List<AdminUnit> children(String parentCode) {
        return repository.findByParentCodeOrderByCode(parentCode);
    }

    public boolean isEmpty() {
        return repository.count() == 0;
    }
}
