package io.wms.core.internal.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import io.wms.core.inventory.AdjustStock;
import io.wms.core.inventory.AdjustmentReason;
import io.wms.core.inventory.PickStock;
import org.junit.jupiter.api.Test;

/**
 * The request an idempotency key is stored with: its digest stays the same when a later release adds a field sent at
 * its default, and the previous release's text of a request still matches it.
 */
class CanonicalRequestTest {

    private static CanonicalRequest.Builder pick() {
        return CanonicalRequest.command("PickStock")
                .number("productId", 1)
                .number("quantity", 3)
                .number("minimumShelfLifeDays", 0)
                .text("note", "order 1");
    }

    @Test
    void theCanonicalJsonNamesTheFieldsInNameOrderWithoutThoseAtTheirDefault() {
        assertThat(KeyedCommands.request(new PickStock(1, 3, 0, "order 1", "k-pick")).canonicalJson())
                .isEqualTo("{\"command\":\"PickStock\",\"fields\":{\"note\":\"order 1\",\"productId\":1,"
                        + "\"quantity\":3}}");
    }

    @Test
    void theDigestOfARequestNeverChangesAcrossReleases() {
        assertThat(HexFormat.of().formatHex(KeyedCommands.request(new PickStock(1, 3, 0, "order 1", "k-pick"))
                .digest())).isEqualTo("86fb0626bbb3286078f45269a2b8e4e7a72e41ceb6291fbbf5bcadaf1fbf1c56");
    }

    @Test
    void aFieldAddedAtItsDefaultLeavesTheDigestUnchanged() {
        CanonicalRequest before = pick().build();
        CanonicalRequest after = pick().number("wave", 0).text("lot", null).choice("priority", null).build();

        assertThat(after.digest()).isEqualTo(before.digest());
    }

    @Test
    void aFieldAddedWithAnotherValueThanItsDefaultChangesTheDigest() {
        assertThat(pick().number("wave", 2).build().digest()).isNotEqualTo(pick().build().digest());
    }

    @Test
    void theEmptyTextIsNotTheDefault() {
        assertThat(pick().text("lot", "").build().digest()).isNotEqualTo(pick().build().digest());
    }

    @Test
    void theKeyIsNotPartOfTheRequest() {
        assertThat(KeyedCommands.request(new PickStock(1, 3, 0, "order 1", "k-1")).digest())
                .isEqualTo(KeyedCommands.request(new PickStock(1, 3, 0, "order 1", "k-2")).digest());
    }

    @Test
    void aRequestMatchesThePreviousReleasesTextOfIt() {
        CanonicalRequest request = KeyedCommands.request(new AdjustStock(1, -1, AdjustmentReason.DAMAGE, null,
                "k-adjust"));

        assertThat(request.matchesPreviousRelease("AdjustStock{batchId=1:1;change=2:-1;reason=6:DAMAGE;note=~;}"))
                .isTrue();
    }

    @Test
    void aFieldAddedSinceMatchesThePreviousReleasesTextOnlyAtItsDefault() {
        String previous = "PickStock{productId=1:1;quantity=1:3;minimumShelfLifeDays=1:0;note=7:order 1;}";

        assertThat(pick().text("lot", null).build().matchesPreviousRelease(previous)).isTrue();
        assertThat(pick().text("lot", "L-1").build().matchesPreviousRelease(previous)).isFalse();
    }

    @Test
    void aFieldOfThePreviousReleasesTextThatTheRequestLacksDoesNotMatch() {
        String previous = "PickStock{productId=1:1;quantity=1:3;minimumShelfLifeDays=1:0;note=7:order 1;wave=1:0;}";

        assertThat(pick().build().matchesPreviousRelease(previous)).isFalse();
    }

    @Test
    void aDifferentValueOrCommandDoesNotMatchThePreviousReleasesText() {
        assertThat(pick().build().matchesPreviousRelease(
                "PickStock{productId=1:1;quantity=1:4;minimumShelfLifeDays=1:0;note=7:order 1;}")).isFalse();
        assertThat(pick().build().matchesPreviousRelease(
                "PickFromBatch{productId=1:1;quantity=1:3;minimumShelfLifeDays=1:0;note=7:order 1;}")).isFalse();
    }

    @Test
    void aValueThatLooksLikeFieldsIsOneValueInThePreviousReleasesText() {
        CanonicalRequest request = CanonicalRequest.command("PickStock").number("productId", 1)
                .text("note", "x;quantity=1:3;").build();

        assertThat(request.matchesPreviousRelease("PickStock{productId=1:1;note=15:x;quantity=1:3;;}")).isTrue();
        assertThat(request.matchesPreviousRelease("PickStock{productId=1:1;note=1:x;quantity=1:3;;}")).isFalse();
    }

    @Test
    void nullAndTheTextNullDifferInThePreviousReleasesText() {
        CanonicalRequest request = CanonicalRequest.command("PickStock").text("note", null).build();

        assertThat(request.matchesPreviousRelease("PickStock{note=~;}")).isTrue();
        assertThat(request.matchesPreviousRelease("PickStock{note=4:null;}")).isFalse();
    }

    @Test
    void unreadableTextOfThePreviousReleaseMatchesNoRequest() {
        assertThat(pick().build().matchesPreviousRelease("PickStock{productId=9:1;}")).isFalse();
        assertThat(pick().build().matchesPreviousRelease("PickStock{")).isFalse();
    }
}
