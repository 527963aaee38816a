package org.yiwang.registry.web;

import java.util.EnumSet;
import java.util.Set;

import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.Registration;

/** The public registration form: the entity and its administrator account. */
class RegistrationForm {

	private EntityKind kind = EntityKind.ORGANIZATION;

	private String name;

	private String creditCode;

	private String idNumber;

	private String legalRepresentative;

	private String contactName;

	private String contactPhone;

	private String address;

	private String email;

	private String registeredRegion;

	private String enterpriseNature;

	private Set<EntityRole> roles = EnumSet.noneOf(EntityRole.class);

	private String username;

	private String password;

	private String repeat;

	Registration command() {
		return new Registration(kind, name, creditCode, idNumber, legalRepresentative, contactName, contactPhone,
				email == null || email.isBlank() ? null : email.strip(), address,
				kind == EntityKind.PERSON ? null : enterpriseNature, registeredRegion, roles, username == null ? null : username.strip().toLowerCase(), password);
	}

	public EntityKind getKind() {
		return kind;
	}

	public void setKind(EntityKind kind) {
		this.kind = kind;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getCreditCode() {
		return creditCode;
	}

	public void setCreditCode(String creditCode) {
		this.creditCode = creditCode;
	}

	public String getIdNumber() {
		return idNumber;
	}

	public void setIdNumber(String idNumber) {
		this.idNumber = idNumber;
	}

	public String getLegalRepresentative() {
		return legalRepresentative;
	}

	public void setLegalRepresentative(String legalRepresentative) {
		this.legalRepresentative = legalRepresentative;
	}

	public String getContactName() {
		return contactName;
	}

	public void setContactName(String contactName) {
		this.contactName = contactName;
	}

	public String getContactPhone() {
		return contactPhone;
	}

	public void setContactPhone(String contactPhone) {
		this.contactPhone = contactPhone;
	}

	public String getAddress() {
		return address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public String getRegisteredRegion() {
		return registeredRegion;
	}

	public void setRegisteredRegion(String registeredRegion) {
		this.registeredRegion = registeredRegion;
	}

	public Set<EntityRole> getRoles() {
		return roles;
	}

	public void setRoles(Set<EntityRole> roles) {
		this.roles = roles == null ? EnumSet.noneOf(EntityRole.class) : roles;
	}

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getRepeat() {
		return repeat;
	}

	public void setRepeat(String repeat) {
		this.repeat = repeat;
	}
	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}


	public String getEnterpriseNature() {
		return enterpriseNature;
	}

	public void setEnterpriseNature(String enterpriseNature) {
		this.enterpriseNature = enterpriseNature;
	}
}
