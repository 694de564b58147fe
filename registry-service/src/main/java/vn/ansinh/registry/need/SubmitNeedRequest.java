package vn.ansinh.registry.need;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.ansinh.platform.text.PersonName;
import vn.ansinh.platform.adminunit.UnitKeys;

/** {@code POST /api/v1/public/needs}: what a resident fills in on the public link. */
record SubmitNeedRequest(
        @NotBlank @Size(max = 150) @PersonName String fullName,
        @NotBlank @Pattern(regexp = "^(\\+84|84|0)(3|5|7|8|9)[0-9]{8}$") String phone,
        @NotBlank @Size(max = 16) @Pattern(regexp = UnitKeys.KEY) String unitCode,
        @Size(max = 100) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String hamlet,
        @NotEmpty @Size(max = 8) List<@NotNull NeedKind> needs,
        @Size(max = 1000) String note) {
}
