package vn.ansinh.registry.identity;

public enum Gender {
    MALE, FEMALE
}
