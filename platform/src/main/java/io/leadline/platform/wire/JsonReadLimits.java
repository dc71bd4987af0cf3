package io.leadline.platform.wire;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Bounds what the JSON parser accepts before any resource sees a body, so a hostile body costs a 400 and little
 * work: nesting (a body 10,000 arrays deep), number literals (a 5,000-digit number is no integer we store) and
 * strings and names (no stored string is longer than {@link RequestBody#LONG_TEXT_LENGTH}; the body cap bounds the
 * rest). A violation is a {@code StreamConstraintsException}, a {@code JsonProcessingException}, which
 * {@link CloseExceptionMappers} answers as a 400 like any malformed JSON.
 */
@Singleton
public class JsonReadLimits implements ObjectMapperCustomizer {

    /** Our bodies nest three levels (lead → contacts → emails); custom values a few more. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Digits of a number literal: enough for any long or double written out, far below Jackson's 1,000. */
    public static final int MAX_NUMBER_LENGTH = 64;
    /** Characters of one string value: a long text plus room, far below Jackson's 20 million. */
    public static final int MAX_STRING_LENGTH = 2 * RequestBody.LONG_TEXT_LENGTH;
    /** Characters of one property name. */
    public static final int MAX_NAME_LENGTH = 1_000;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(constraints());
    }

    /** The constraints, for any parser of request bodies (tests build their mapper with them too). */
    public static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .build();
    }
}
