package org.yiwang.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An entity's contact details as notices must state them (招标人地址、联系人、联系电话、电子邮箱, national data
 * specification dataset 503): all four, checked, changed by a member of the entity without a new review.
 */
public record ContactDetails(
		@NotBlank(message = "{registry.contactName.required}") @Size(max = 30, message = "{registry.contactName.size}") String contactName,
		@NotBlank(message = "{registry.contactPhone.required}") @Pattern(regexp = PHONE, message = "{registry.contactPhone.form}") String contactPhone,
		@NotBlank(message = "{registry.address.required}") @Size(max = 200, message = "{registry.address.size}") String address,
		@NotBlank(message = "{registry.email.required}") @Size(max = 100, message = "{registry.email.size}") @Pattern(regexp = EMAIL_OR_EMPTY, message = "{registry.email.form}") String email) {

	/** 7–20 digits, with {@code +}, {@code -} or spaces. */
	public static final String PHONE = "[0-9+\\- ]{7,20}";

	/** A plain address: local part, {@code @}, a domain with a dot; no spaces, no display name. */
	public static final String EMAIL = "[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}";

	/** The empty string or an e-mail address (an optional field of a form). */
	public static final String EMAIL_OR_EMPTY = "|" + EMAIL;

	public ContactDetails {
		contactName = strip(contactName);
		contactPhone = strip(contactPhone);
		address = strip(address);
		email = strip(email);
	}

	private static String strip(String value) {
		return value == null ? null : value.strip();
	}
}
