package vn.ansinh.console.backend;

/** The four services' APIs, as the pages call them. */
public record ServiceApis(ServiceApi registry, ServiceApi donation, ServiceApi distribution, ServiceApi reporting) {
}
