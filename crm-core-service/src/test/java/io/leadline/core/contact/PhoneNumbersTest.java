package io.leadline.core.contact;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The phone rules users notice: what is accepted, how it is stored, how it is shown. */
class PhoneNumbersTest {

    @Test
    void readsNorthAmericanNumbersWithOrWithoutCountryCode() {
        assertEquals(Optional.of("+14155551234"), PhoneNumbers.normalize("(415) 555-1234"));
        assertEquals(Optional.of("+14155551234"), PhoneNumbers.normalize("1 415 555 1234"));
        assertEquals(Optional.of("+14155551234"), PhoneNumbers.normalize(" +1-415-555-1234 "));
        assertEquals(Optional.empty(), PhoneNumbers.normalize("+1 415 555 123"));
        assertEquals(Optional.empty(), PhoneNumbers.normalize("(115) 555-1234"));
        assertEquals(Optional.empty(), PhoneNumbers.normalize("415 055 1234"));
    }

    @Test
    void readsInternationalNumbersByTheirCountryCode() {
        assertEquals(Optional.of("+442079460958"), PhoneNumbers.normalize("+44 (20) 7946 0958"));
        assertEquals(Optional.of("+442079460958"), PhoneNumbers.normalize("0044 20 7946 0958"));
        assertEquals(Optional.of("+380441234567"), PhoneNumbers.normalize("+380 44 123 4567"));
        assertEquals(Optional.empty(), PhoneNumbers.normalize("+0 44 123 4567"));
        assertEquals(Optional.empty(), PhoneNumbers.normalize("+999 123 4567"));
        assertEquals(Optional.empty(), PhoneNumbers.normalize("+44 1234567890123456"));
        assertEquals(Optional.empty(), PhoneNumbers.normalize("+44 20 CALL NOW"));
    }

    @Test
    void formatsLikeClose() {
        assertEquals("+1 415-555-1234", PhoneNumbers.format("+14155551234"));
        assertEquals("+44 2079460958", PhoneNumbers.format("+442079460958"));
        assertEquals("+7 4951234567", PhoneNumbers.format("+74951234567"));
        assertEquals("+380 441234567", PhoneNumbers.format("+380441234567"));
    }
}
