package vn.ansinh.registry.household;

public enum Gender {
    MALE, FEMALE
}
