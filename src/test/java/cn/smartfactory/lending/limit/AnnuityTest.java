package cn.smartfactory.lending.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class AnnuityTest {

    @Test
    void paymentMatchesTheTextbookFormula() {
        double r = 0.072 / 12;
        double expected = 100_000 * r / (1 - Math.pow(1 + r, -24));
        assertThat(Annuity.payment(new BigDecimal("100000"), new BigDecimal("0.072"), 24).doubleValue())
                .isCloseTo(expected, within(0.005));
        assertThat(expected).isCloseTo(4486.33, within(0.01));
    }

    @Test
    void principalIsTheInverseOfPayment() {
        BigDecimal payment = Annuity.payment(new BigDecimal("800000"), new BigDecimal("0.045"), 60);
        assertThat(Annuity.principal(payment, new BigDecimal("0.045"), 60).doubleValue())
                .isCloseTo(800_000, within(0.01));
    }

    @Test
    void zeroRateSplitsPrincipalEvenly() {
        assertThat(Annuity.payment(new BigDecimal("12000"), BigDecimal.ZERO, 12)).isEqualByComparingTo("1000");
        assertThat(Annuity.principal(new BigDecimal("1000"), BigDecimal.ZERO, 12)).isEqualByComparingTo("12000");
    }
}
