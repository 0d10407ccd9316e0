package org.parkline.pricing;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small property-test harness: runs a property over generated cases from a fixed seed, so a
 * failure names its seed and case and reruns identically. (Stands in for jqwik; see pricing/pom.xml.)
 */
final class Trials {

    static final long SEED = 20260302L;

    private Trials() {}

    static <T> void forAll(int tries, Function<Random, T> generator, Consumer<T> property) {
        Random random = new Random(SEED);
        for (int i = 0; i < tries; i++) {
            T sample = generator.apply(random);
            try {
                property.accept(sample);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property failed on try " + i + " (seed " + SEED + ") for " + sample, e);
            }
        }
    }
}
