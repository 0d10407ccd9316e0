package org.parkline.sim;

/**
 * One invariant checked after a phase.
 *
 * @param name what must hold, as a sentence
 * @param passed whether it held
 * @param detail the numbers behind the verdict, or examples of what broke it
 */
record CheckResult(String name, boolean passed, String detail) {

    static CheckResult of(String name, boolean passed, String detail) {
        return new CheckResult(name, passed, detail);
    }
}
