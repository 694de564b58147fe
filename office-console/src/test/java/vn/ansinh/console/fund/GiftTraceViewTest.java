package vn.ansinh.console.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.console.web.Formats;
import vn.ansinh.console.web.PageText;

/** A gift's trace in the words and figures a donor reads: one row per campaign and commune, what went directly, what is left. */
class GiftTraceViewTest {

    static final String TRACE = """
            {"receiptNumber":"30325-2024-000001","receivedOn":"2024-01-15","donor":"Công ty TNHH Xuân Phát","officeName":"Phường Núi Sam",
             "parts":[{"fundId":"f1","fundName":"Quỹ Vì người nghèo","unit":"VND","amount":300000000,
               "campaigns":[{"campaignId":"c1","campaignName":"Quà Tết 2024","amount":149248000,"households":540,"firstOn":"2024-01-25",
                 "lastOn":"2024-02-05","communes":[{"unitCode":"30325","unitName":"Phường Núi Sam","amount":149000000,"households":539},
                 {"amount":248000,"households":1}]}],
               "direct":[{"on":"2024-03-01","description":"Xây nhà Đại đoàn kết","amount":50000000}],
               "remainingAmount":0},
              {"item":"Gạo","unit":"kg","quantity":1000,"campaigns":[],"direct":[],"remainingQuantity":1000}]}
            """;

    @BeforeEach
    void vietnamese() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void eachCommuneIsARowAndTheCampaignIsNamedOnItsFirst() {
        GiftTraceView view = GiftTraceView.of(JsonMapper.builder().build().readTree(TRACE), new Formats(), text());

        assertThat(view.donor()).isEqualTo("Công ty TNHH Xuân Phát");
        assertThat(view.receivedOn()).isEqualTo("15/01/2024");
        GiftTraceView.Part money = view.parts().get(0);
        assertThat(money.title()).isEqualTo("300.000.000 ₫ vào Quỹ Vì người nghèo");
        assertThat(money.rows()).containsExactly(
                new GiftTraceView.Row("Quà Tết 2024", "Phường Núi Sam", 539, "149.000.000 ₫", "25/01/2024 – 05/02/2024"),
                new GiftTraceView.Row("", "Chưa ghi địa bàn", 1, "248.000 ₫", ""));
        assertThat(money.direct()).containsExactly("01/03/2024: Xây nhà Đại đoàn kết — 50.000.000 ₫");
        assertThat(money.left()).isEqualTo("Còn lại trong quỹ: 0 ₫");
        assertThat(money.nothingSpent()).isFalse();
        GiftTraceView.Part rice = view.parts().get(1);
        assertThat(rice.title()).isEqualTo("1.000 kg Gạo");
        assertThat(rice.nothingSpent()).isTrue();
        assertThat(rice.left()).isEqualTo("Còn lại trong kho: 1.000 kg");
    }

    private static PageText text() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new PageText(messages);
    }
}
