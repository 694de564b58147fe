package vn.ansinh.console.backend;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A service refused the request (4xx with problem+json): its explanation, already in the person's
 * language, and the fields at fault, shown next to the fields and in the summary at the top.
 */
public class ApiRefusal extends RuntimeException {

    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldProblem> fields;

    public ApiRefusal(int status, String title, String detail, List<FieldProblem> fields) {
        super(status + " " + title + ": " + detail);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.fields = List.copyOf(fields);
    }

    public record FieldProblem(String field, String message) {
    }

    public int status() {
        return status;
    }

    /** The sentence to show: the service's detail, else its title. */
    public String explanation() {
        return detail == null || detail.isBlank() ? title : detail;
    }

    /** What to tell the person after a form: each field's message when the service named fields, else the explanation. */
    public String forPeople() {
        return fields.isEmpty() ? explanation() : fields.stream().map(FieldProblem::message).collect(Collectors.joining(" "));
    }

    public List<FieldProblem> fields() {
        return fields;
    }

    /** The message for each field the service named, by the field's path in the request. */
    public Map<String, String> byField() {
        return fields.stream().collect(Collectors.toMap(FieldProblem::field, FieldProblem::message, (a, b) -> a + " " + b));
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
