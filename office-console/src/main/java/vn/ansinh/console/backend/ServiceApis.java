package vn.ansinh.console.backend;

/** The four services' APIs and the issuer's (accounts, its audit trail), as the pages call them. */
public record ServiceApis(ServiceApi registry, ServiceApi donation, ServiceApi distribution, ServiceApi reporting,
                          ServiceApi issuer) {

    public ServiceApi of(Service service) {
        return switch (service) {
            case REGISTRY -> registry;
            case DONATION -> donation;
            case DISTRIBUTION -> distribution;
            case REPORTING -> reporting;
            case ISSUER -> issuer;
        };
    }
}
