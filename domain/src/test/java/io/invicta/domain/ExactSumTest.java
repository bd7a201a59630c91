package io.invicta.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ExactSumTest {

    /** The exact sum by big decimals, rounded once to the nearest double (ties to even). */
    private static double reference(List<Double> values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : values) {
            sum = sum.add(new BigDecimal(v));
        }
        return sum.doubleValue();
    }

    /** City-like readings: decimals of several magnitudes, some of them cancelling. */
    private static List<Double> readings(Random random, int n) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double magnitude = Math.pow(10, random.nextInt(7) - 2);
            double v = Math.round(random.nextDouble() * 1000) / 10.0 * magnitude;
            values.add(random.nextInt(5) == 0 ? -v : v);
        }
        return values;
    }

    /** Adds the values in the given order, cut into partial sums at random points, merged later. */
    private static ExactSum cutAndMerged(List<Double> values, Random random) {
        List<ExactSum> partials = new ArrayList<>();
        ExactSum current = new ExactSum();
        for (double v : values) {
            current.add(v);
            if (random.nextInt(8) == 0) {
                partials.add(current);
                current = new ExactSum();
            }
        }
        partials.add(current);
        Collections.shuffle(partials, random);
        ExactSum total = new ExactSum();
        for (ExactSum p : partials) {
            total.add(p.copy());
        }
        return total;
    }

    @Test
    void anyOrderAndAnyCutIntoPartialSumsGivesTheCorrectlyRoundedExactSum() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            List<Double> values = readings(random, 1 + random.nextInt(400));
            double expected = reference(values);
            for (int order = 0; order < 5; order++) {
                Collections.shuffle(values, random);
                assertThat(Double.doubleToRawLongBits(cutAndMerged(values, random).value()))
                        .as("round %d order %d", round, order)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
            }
        }
    }

    @Test
    void theSameReadingsSummedPlainlyInOtherOrdersDifferInTheLastBits() {
        // the data of the test above is sensitive: plain double sums do depend on the order
        Random random = new Random(11);
        List<Double> values = readings(random, 400);
        Set<Double> plainSums = new HashSet<>();
        Set<Double> exactSums = new HashSet<>();
        for (int order = 0; order < 20; order++) {
            Collections.shuffle(values, random);
            double plain = 0;
            for (double v : values) {
                plain += v;
            }
            plainSums.add(plain);
            exactSums.add(cutAndMerged(values, random).value());
        }
        assertThat(plainSums).hasSizeGreaterThan(1);
        assertThat(exactSums).containsExactly(reference(values));
    }

    @Test
    void tiesBetweenTwoDoublesRoundToEvenWhateverTheSmallerTermsAre() {
        double one = 1.0;
        double halfUlp = Math.ulp(1.0) / 2;
        ExactSum tie = new ExactSum();
        tie.add(one);
        tie.add(halfUlp);
        assertThat(tie.value()).isEqualTo(1.0); // 1 + ulp/2 is a tie: the even neighbour is 1

        ExactSum aboveTie = new ExactSum();
        aboveTie.add(one);
        aboveTie.add(halfUlp);
        aboveTie.add(halfUlp * 1e-10);
        assertThat(aboveTie.value()).isEqualTo(Math.nextUp(1.0));

        ExactSum cancelled = new ExactSum();
        for (double v : new double[] {1e100, 1.0, -1e100, 1e-100}) {
            cancelled.add(v);
        }
        assertThat(cancelled.value()).isEqualTo(1.0 + 1e-100).isEqualTo(1.0);
        assertThat(new ExactSum().value()).isZero();
    }

    @Test
    void termsWrittenAndReadBackKeepTheSum() {
        ExactSum s = new ExactSum();
        for (double v : readings(new Random(3), 50)) {
            s.add(v);
        }
        double[] terms = new double[s.terms];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = s.term(i);
        }
        assertThat(ExactSum.ofTerms(terms).value()).isEqualTo(s.value());
    }
}
