package vn.ansinh.issuer;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The machine clients this issuer knows, one per office (client-credentials grant).
 *
 * @param clients each client: id, secret, the office (administrative unit code, {@code VN} for
 *                national) and its roles; {@code description} is for people reading the list
 */
@ConfigurationProperties("ansinh.issuer")
public record OfficeClientsProperties(List<OfficeClient> clients) {

    public OfficeClientsProperties {
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    public record OfficeClient(String clientId, String secret, String office, List<String> roles, String description) {
    }
}
