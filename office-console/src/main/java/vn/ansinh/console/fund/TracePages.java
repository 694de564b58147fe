package vn.ansinh.console.fund;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import vn.ansinh.console.backend.ApiRefusal;
import vn.ansinh.console.backend.ServiceApi;
import vn.ansinh.console.backend.ServiceApis;
import vn.ansinh.console.web.Ids;

/**
 * Where a gift went, for anyone holding its receipt number (the donor) or following a named donor's
 * gift from a fund's public statement: campaigns, communes, households reached, what is left.
 */
@Controller
class TracePages {

    private final ServiceApi donation;
    private final vn.ansinh.console.web.Formats formats;
    private final vn.ansinh.console.web.PageText text;

    TracePages(ServiceApis services, vn.ansinh.console.web.Formats formats, vn.ansinh.console.web.PageText text) {
        this.donation = services.donation();
        this.formats = formats;
        this.text = text;
    }

    /** The form on the page sends the number typed from a paper receipt here. */
    @GetMapping("/public/donations/trace")
    String lookUp(@RequestParam(name = "receipt", defaultValue = "") String receipt) {
        String number = Ids.of(receipt.trim());
        return number.isEmpty() ? "public/trace" : "redirect:/public/donations/" + number + "/trace";
    }

    @GetMapping("/public/donations/{receipt}/trace")
    String trace(@PathVariable String receipt, HttpServletRequest request, Model model) {
        String number = Ids.of(receipt);
        model.addAttribute("receipt", number);
        try {
            model.addAttribute("trace", GiftTraceView.of(donation.callPublic("GET", "/api/v1/public/donations/" + number + "/trace", null,
                    request.getRemoteAddr(), JsonNode.class), formats, text));
        } catch (ApiRefusal notFound) {
            model.addAttribute("problem", notFound.forPeople());
        }
        return "public/trace";
    }
}
