/** Benchmarks, run by the scripts in {@code bench/}, never by the test suite. */
package org.exhunt.bench;
