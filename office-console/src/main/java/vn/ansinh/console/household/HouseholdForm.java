package vn.ansinh.console.household;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.ansinh.console.web.Formats;

/**
 * What an officer types to register a household, kept exactly as typed (a refused form comes back
 * with the person's own words in it). Field paths match registry-service's request, so the errors it
 * names land next to the right field.
 */
public class HouseholdForm implements Serializable {

    private String headName = "";
    private String phone = "";
    private AddressForm address = new AddressForm();
    private List<String> categories = new ArrayList<>();
    private String povertyStatus = "NONE";
    private List<MemberForm> members = new ArrayList<>(List.of(MemberForm.head()));
    /** The resident's request this household is registered from: approved with it once saved. */
    private String fromNeed = "";

    /** A household prefilled from what a resident reported. */
    static HouseholdForm fromNeed(String needId, String fullName, String phone, String unitCode, String hamlet) {
        HouseholdForm form = new HouseholdForm();
        form.fromNeed = needId;
        form.headName = fullName;
        form.phone = phone == null ? "" : phone;
        form.address.setUnitCode(unitCode);
        form.address.setHamlet(hamlet);
        form.members.get(0).setFullName(fullName);
        return form;
    }

    /** The form for correcting a household already registered, filled with what the registry holds. */
    static HouseholdForm of(Households.Household household) {
        HouseholdForm form = new HouseholdForm();
        form.headName = household.headName();
        form.phone = household.phone() == null ? "" : household.phone();
        form.address.setUnitCode(household.address().unitCode());
        form.address.setHamlet(household.address().hamlet());
        form.address.setStreet(household.address().street());
        form.categories = new ArrayList<>(household.categories());
        form.povertyStatus = household.povertyStatus() == null ? "NONE" : household.povertyStatus();
        form.members = new ArrayList<>();
        for (Households.Member member : household.members()) {
            MemberForm row = new MemberForm();
            row.setFullName(member.fullName());
            row.setDateOfBirth(Formats.typedDay(member.dateOfBirth()));
            row.setGender(member.gender());
            row.setCitizenId(member.citizenId());
            row.setRelation(member.relation());
            row.setKinds(member.kinds());
            form.members.add(row);
        }
        if (form.members.isEmpty()) {
            form.members.add(MemberForm.head());
        }
        return form;
    }

    public String getFromNeed() {
        return fromNeed;
    }

    public void setFromNeed(String fromNeed) {
        this.fromNeed = fromNeed == null ? "" : fromNeed.replaceAll("[^A-Za-z0-9-]", "");
    }

    /** The request registry-service takes, and the problems found before sending it (dates that are not dates). */
    record Converted(Map<String, Object> request, Map<String, String> problems) {
    }

    Converted toRequest(String dateProblem) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<Map<String, Object>> people = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            MemberForm member = members.get(i);
            if (member.isEmpty() && i > 0) {
                continue; // a spare row left blank
            }
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("fullName", member.getFullName().trim());
            LocalDate born = null;
            if (!member.getDateOfBirth().isBlank()) {
                try {
                    born = Formats.parseDay(member.getDateOfBirth());
                } catch (DateTimeParseException notADate) {
                    problems.put("members[" + i + "].dateOfBirth", dateProblem);
                }
            }
            person.put("dateOfBirth", born);
            person.put("gender", member.getGender().isBlank() ? null : member.getGender());
            person.put("citizenId", blankToNull(member.getCitizenId()));
            person.put("relation", blankToNull(member.getRelation()));
            person.put("kinds", member.getKinds());
            people.add(person);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("headName", headName.trim());
        request.put("members", people);
        Map<String, Object> where = new LinkedHashMap<>();
        where.put("unitCode", address.getUnitCode());
        where.put("hamlet", blankToNull(address.getHamlet()));
        where.put("street", blankToNull(address.getStreet()));
        request.put("address", where);
        request.put("phone", blankToNull(phone));
        request.put("categories", categories);
        request.put("povertyStatus", povertyStatus.isBlank() ? null : povertyStatus);
        return new Converted(request, problems);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    public void addMember() {
        members.add(new MemberForm());
    }

    public String getHeadName() {
        return headName;
    }

    public void setHeadName(String headName) {
        this.headName = headName == null ? "" : headName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone == null ? "" : phone;
    }

    public AddressForm getAddress() {
        return address;
    }

    public void setAddress(AddressForm address) {
        this.address = address == null ? new AddressForm() : address;
    }

    public List<String> getCategories() {
        return categories;
    }

    public void setCategories(List<String> categories) {
        this.categories = categories == null ? new ArrayList<>() : new ArrayList<>(categories);
    }

    public String getPovertyStatus() {
        return povertyStatus;
    }

    public void setPovertyStatus(String povertyStatus) {
        this.povertyStatus = povertyStatus == null ? "" : povertyStatus;
    }

    public List<MemberForm> getMembers() {
        return members;
    }

    public void setMembers(List<MemberForm> members) {
        this.members = members == null || members.isEmpty() ? new ArrayList<>(List.of(MemberForm.head())) : members;
    }

    public static class AddressForm implements Serializable {
        private String unitCode = "";
        private String hamlet = "";
        private String street = "";

        public String getUnitCode() {
            return unitCode;
        }

        public void setUnitCode(String unitCode) {
            this.unitCode = unitCode == null ? "" : unitCode;
        }

        public String getHamlet() {
            return hamlet;
        }

        public void setHamlet(String hamlet) {
            this.hamlet = hamlet == null ? "" : hamlet;
        }

        public String getStreet() {
            return street;
        }

        public void setStreet(String street) {
            this.street = street == null ? "" : street;
        }
    }

    public static class MemberForm implements Serializable {
        private String fullName = "";
        private String dateOfBirth = "";
        private String gender = "";
        private String citizenId = "";
        private String relation = "";
        private List<String> kinds = new ArrayList<>();

        static MemberForm head() {
            MemberForm head = new MemberForm();
            head.relation = "HEAD";
            return head;
        }

        boolean isEmpty() {
            return fullName.isBlank() && dateOfBirth.isBlank() && citizenId.isBlank();
        }

        public String getFullName() {
            return fullName;
        }

        public void setFullName(String fullName) {
            this.fullName = fullName == null ? "" : fullName;
        }

        public String getDateOfBirth() {
            return dateOfBirth;
        }

        public void setDateOfBirth(String dateOfBirth) {
            this.dateOfBirth = dateOfBirth == null ? "" : dateOfBirth;
        }

        public String getGender() {
            return gender;
        }

        public void setGender(String gender) {
            this.gender = gender == null ? "" : gender;
        }

        public String getCitizenId() {
            return citizenId;
        }

        public void setCitizenId(String citizenId) {
            this.citizenId = citizenId == null ? "" : citizenId;
        }

        public String getRelation() {
            return relation;
        }

        public void setRelation(String relation) {
            this.relation = relation == null ? "" : relation;
        }

        /** What the person is for support paid per person of a kind (lottery-ticket seller...): none for most people. */
        public List<String> getKinds() {
            return kinds;
        }

        public void setKinds(List<String> kinds) {
            this.kinds = kinds == null ? new ArrayList<>() : new ArrayList<>(kinds);
        }
    }
}
