package vn.ansinh.events.donation;

/**
 * An office registered one of its organisations — the ward's Fatherland Front committee, its Women's
 * Union, Youth Union or veterans' association — which raise and give under the office.
 *
 * @param code short code unique within the office ({@code HLHPN}); accounts, funds and campaigns name it
 * @param name its name as people know it ({@code Hội Liên hiệp Phụ nữ phường Núi Sam})
 */
public record OrganisationRegistered(String officeUnitCode, String code, String name) {
}
