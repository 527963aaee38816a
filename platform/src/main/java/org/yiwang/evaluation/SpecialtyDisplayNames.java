package org.yiwang.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.system.DisplayNames;
import org.yiwang.system.RegionScopes;

/**
 * Pages show an expert specialty by its name in the page's language ({@code A0101} → 房屋建筑工程), never its code:
 * {@code #names.of('specialty', code)}. The classification changes only with a migration, so it is read once.
 */
@Component
class SpecialtyDisplayNames implements DisplayNames {

	private final Experts experts;

	private final TransactionTemplate transactions;

	private volatile List<ExpertSpecialty> specialties;

	SpecialtyDisplayNames(Experts experts, TransactionTemplate transactions) {
		this.experts = experts;
		this.transactions = transactions;
	}

	@Override
	public String kind() {
		return "specialty";
	}

	@Override
	public Optional<String> nameOf(String code, Locale locale) {
		List<ExpertSpecialty> known = specialties;
		if (known == null) {
			known = RegionScopes.callAsPlatform(() -> transactions.execute(status -> experts.specialties()));
			specialties = known;
		}
		boolean chinese = "zh".equals(locale.getLanguage());
		return known.stream().filter(s -> s.code().equals(code)).findFirst()
			.map(s -> chinese || s.nameEn() == null || s.nameEn().isBlank() ? s.nameZh() : s.nameEn());
	}
}
