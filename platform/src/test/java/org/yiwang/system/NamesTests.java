package org.yiwang.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;

/** {@code #names}: enum constants by their message key, codes by the module that owns them, in the page's language. */
class NamesTests {

	static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	final StaticMessageSource messages = new StaticMessageSource();

	final AtomicInteger asked = new AtomicInteger();

	final DisplayNames regions = new DisplayNames() {

		@Override
		public String kind() {
			return "region";
		}

		@Override
		public Optional<String> nameOf(String code, Locale locale) {
			asked.incrementAndGet();
			Map<String, String> zh = Map.of("500103", "渝中区", "500243", "彭水苗族土家族自治县");
			Map<String, String> en = Map.of("500103", "Yuzhong District", "500243", "Pengshui County");
			return Optional.ofNullable(("zh".equals(locale.getLanguage()) ? zh : en).get(code));
		}
	};

	NamesTests() {
		messages.addMessage("enum.Role.BIDDER", ZH, "投标人");
		messages.addMessage("enum.Role.BIDDER", Locale.ENGLISH, "Bidder");
		messages.addMessage("enum.Role.EXPERT", ZH, "评标专家");
		messages.addMessage("enum.EvaluationMethod.WEIGHTED_SCORING", ZH, "综合评估法");
	}

	@Test
	void an_enum_constant_reads_its_message_in_the_pages_language() {
		assertThat(new Names(messages, List.of(), ZH).of(Role.BIDDER)).isEqualTo("投标人");
		assertThat(new Names(messages, List.of(), Locale.ENGLISH).of(Role.BIDDER)).isEqualTo("Bidder");
		assertThat(new Names(messages, List.of(), ZH).all(List.of(Role.BIDDER, Role.EXPERT))).isEqualTo("投标人、评标专家");
		assertThat(Names.key(Role.PLATFORM_ADMIN)).isEqualTo("enum.Role.PLATFORM_ADMIN");
	}

	@Test
	void a_constant_without_a_message_shows_as_it_is_so_the_role_tour_finds_it() {
		assertThat(new Names(messages, List.of(), ZH).of(Role.REGULATOR)).isEqualTo("REGULATOR");
		assertThat(new Names(messages, List.of(), ZH).of((Role) null)).isEmpty();
	}

	@Test
	void a_region_code_is_named_by_its_owner_once_per_page() {
		Names zh = new Names(messages, List.of(regions), ZH);
		assertThat(zh.region(RegionCode.of("500103"))).isEqualTo("渝中区");
		assertThat(zh.region("500103")).isEqualTo("渝中区");
		assertThat(asked).hasValue(1);
		assertThat(new Names(messages, List.of(regions), Locale.ENGLISH).region("500103")).isEqualTo("Yuzhong District");
		assertThat(zh.regions(List.of(RegionCode.of("500103"), RegionCode.of("500243")))).isEqualTo("渝中区、彭水苗族土家族自治县");
	}

	@Test
	void an_enum_constant_kept_as_text_is_named_by_its_type() {
		assertThat(new Names(messages, List.of(), ZH).of("EvaluationMethod", "WEIGHTED_SCORING")).isEqualTo("综合评估法");
		assertThat(new Names(messages, List.of(), ZH).of("EvaluationMethod", "NEW_METHOD")).isEqualTo("NEW_METHOD");
	}

	@Test
	void an_unknown_code_or_kind_shows_the_code() {
		Names zh = new Names(messages, List.of(regions), ZH);
		assertThat(zh.region("500199")).isEqualTo("500199");
		assertThat(zh.category("ENG_BUILDING")).isEqualTo("ENG_BUILDING");
		assertThat(zh.categories(List.of("ENG_BUILDING", "MINING"))).isEqualTo("ENG_BUILDING、MINING");
		assertThat(zh.region(null)).isEmpty();
	}
}
