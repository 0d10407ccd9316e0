package org.parkline.sim;

import org.parkline.client.ParklineApiException;

/** How a gate's request ended after its retries: answered, refused with a problem, or never answered. */
sealed interface Reply<T> {

    record Answered<T>(T value) implements Reply<T> {}

    record Refused<T>(ParklineApiException problem) implements Reply<T> {}

    record Unanswered<T>() implements Reply<T> {}

    default T valueOrNull() {
        return this instanceof Answered<T> answered ? answered.value() : null;
    }

    default boolean refusedWith(String problemSlug) {
        return this instanceof Refused<T> refused && refused.problem().is(problemSlug);
    }
}
