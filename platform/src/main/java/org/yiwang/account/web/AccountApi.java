package org.yiwang.account.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.AccountView;
import org.yiwang.account.NewAccount;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Accounts as JSON, scoped exactly like the pages. */
@RestController
@RequestMapping("/api")
@Tag(name = "account", description = "Who is calling; account administration")
class AccountApi {

	private final AccountManagement accounts;

	AccountApi(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/me")
	@Operation(summary = "The account this token belongs to")
	AccountView me() {
		return accounts.me();
	}

	@GetMapping("/accounts")
	@Operation(summary = "Accounts in the caller's region scope")
	List<AccountView> accounts() {
		return accounts.accounts();
	}

	@GetMapping("/accounts/{id}")
	AccountView account(@PathVariable String id) {
		return accounts.account(AccountAdminController.parse(id));
	}

	@PostMapping("/accounts")
	@ResponseStatus(HttpStatus.CREATED)
	AccountView create(@Valid @RequestBody NewAccount account) {
		return accounts.create(account);
	}
}
