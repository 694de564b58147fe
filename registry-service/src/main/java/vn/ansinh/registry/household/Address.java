package vn.ansinh.registry.household;

/** Where the household lives: the commune's code, and the hamlet and street where known. */
record Address(String unitCode, String hamlet, String street) {
}
