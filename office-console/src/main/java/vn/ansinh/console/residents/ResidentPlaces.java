package vn.ansinh.console.residents;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import vn.ansinh.console.ConsoleProperties;
import vn.ansinh.console.backend.AdminUnits;

/**
 * Where a resident says they live, on every residents' form: the province's districts, then the communes
 * of the chosen one (without JavaScript the "Chọn" button reloads the page with them). Since the 2025
 * reform a province's units may be communes already: then the first choice is the commune itself.
 */
@Component
class ResidentPlaces {

    private final AdminUnits units;
    private final String province;

    ResidentPlaces(AdminUnits units, ConsoleProperties properties) {
        this.units = units;
        this.province = properties.residentsProvince();
    }

    /** The lists the form shows, for what the resident chose so far. */
    void show(ResidentForm form, String client, Model model) {
        List<AdminUnits.Unit> districts = units.publicBelow(province, client);
        List<AdminUnits.Unit> communes = new ArrayList<>();
        if (!form.getDistrict().isBlank() && districts.stream().anyMatch(d -> d.code().equals(form.getDistrict()))) {
            communes = units.publicBelow(form.getDistrict(), client);
        }
        model.addAttribute("districts", districts);
        model.addAttribute("communes", communes);
        model.addAttribute("provinceName", units.publicName(province, client));
    }

    /** A first choice that is a commune already is the commune. */
    void completeCommune(ResidentForm form, String client) {
        if (form.getUnitCode().isBlank() && !form.getDistrict().isBlank()) {
            units.publicBelow(province, client).stream()
                    .filter(unit -> unit.code().equals(form.getDistrict()) && "COMMUNE".equals(unit.level()))
                    .findFirst().ifPresent(commune -> form.setUnitCode(commune.code()));
        }
    }
}
