package org.vigil.console;

import java.util.List;
import org.vigil.web.ConflictException;
import org.vigil.web.FieldProblem;
import org.vigil.web.ForbiddenException;
import org.vigil.web.InvalidInputException;
import org.vigil.web.NotFoundException;

/** The refusals of Vigil's services as the problems a page shows beside its form. */
final class PageProblems {

    private PageProblems() {
    }

    /** The problems this refusal names; anything that is not a refusal is thrown on (a real failure). */
    static List<FieldProblem> of(RuntimeException refusal) {
        return switch (refusal) {
            case InvalidInputException e -> e.problems();
            case ConflictException e -> List.of(new FieldProblem(e.field() == null ? "" : e.field(), e.getMessage()));
            case ForbiddenException e -> List.of(new FieldProblem("", e.getMessage()));
            case NotFoundException e -> List.of(new FieldProblem("", e.getMessage()));
            default -> throw refusal;
        };
    }
}
