package org.parkline.server.common;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Says which field of a JSON body was wrong, without echoing values (a body may carry a plate). */
final class RequestBodyErrors {

    private RequestBodyErrors() {}

    static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException invalid) {
            String allowed = invalid.getTargetType() != null
                            && invalid.getTargetType().isEnum()
                    ? " (allowed: "
                            + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants()) + ")"
                    : "";
            return "field '" + path(invalid) + "' has a value of the wrong form" + allowed;
        }
        if (cause instanceof MismatchedInputException mismatched
                && !mismatched.getPath().isEmpty()) {
            return "field '" + path(mismatched) + "' has the wrong type";
        }
        if (cause instanceof JacksonException) {
            return "the JSON could not be parsed";
        }
        return "the body is missing or unreadable";
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
