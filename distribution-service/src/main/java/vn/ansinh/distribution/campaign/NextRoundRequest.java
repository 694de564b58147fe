package vn.ansinh.distribution.campaign;

import java.time.LocalDate;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/campaigns/{id}/rounds}: everything optional; by default the round is named after
 * the programme with its number ("… – đợt 2") and has no dates.
 */
record NextRoundRequest(@Size(max = 200) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String name, LocalDate startsOn, LocalDate endsOn) {

    static final NextRoundRequest DEFAULTS = new NextRoundRequest(null, null, null);
}
