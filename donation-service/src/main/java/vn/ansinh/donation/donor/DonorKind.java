package vn.ansinh.donation.donor;

/** Who gives: a person, a business, an organisation or union, a religious group, a state agency, or someone unnamed. */
enum DonorKind {
    INDIVIDUAL, BUSINESS, ORGANISATION, RELIGIOUS, AGENCY, ANONYMOUS
}
