package org.yiwang.account;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.system.DisplayNames;
import org.yiwang.system.RegionScopes;

/**
 * Pages show who acted by name ({@code 渝中区分中心工作人员}), not by username or id: {@code #names.account(...)} takes
 * either. Only the display name is read, the name the account is shown by anyway.
 */
@Component
class AccountDisplayNames implements DisplayNames {

	private final Accounts accounts;

	private final TransactionTemplate transactions;

	AccountDisplayNames(Accounts accounts, TransactionTemplate transactions) {
		this.accounts = accounts;
		this.transactions = transactions;
	}

	@Override
	public String kind() {
		return "account";
	}

	@Override
	public Optional<String> nameOf(String code, Locale locale) {
		if (code.isBlank() || code.length() > 100) {
			return Optional.empty();
		}
		// accounts are region-scoped rows; a name is shown wherever the record naming its account may be read
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> find(code)))
			.map(Account::displayName);
	}

	private Optional<Account> find(String code) {
		try {
			return accounts.byId(new AccountId(UUID.fromString(code)));
		}
		catch (IllegalArgumentException notAnId) {
			return accounts.byUsername(code);
		}
	}
}
