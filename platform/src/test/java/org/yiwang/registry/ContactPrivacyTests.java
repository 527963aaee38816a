package org.yiwang.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.Role;

/**
 * Issue 17, item 9: a natural person's phone, address and e-mail, and those of any registration still pending, are
 * shown only to the person (the entity's members) and to staff whose scope covers the registration; every other role,
 * and staff of another district, get the profile without them, in the API, the pages and staff search alike.
 */
@PlatformTest
class ContactPrivacyTests {

	static final String PHONE = "13912345678";

	static final String ADDRESS = "重庆市渝中区隐私路 9 号";

	@Autowired
	EntityRegistry registry;

	@Autowired
	AuthenticationProvider login;

	@Autowired
	MockMvc mvc;

	private EntityView pendingPerson(String username) {
		String first17 = "11010519800101" + String.format("%03d", (int) (Math.random() * 1000));
		return registry.register(new Registration(EntityKind.PERSON, "赵六", null,
				first17 + ResidentIdNumber.checkCharacter(first17), null, "赵六", PHONE, "zhao@example.cn", ADDRESS, null,
				TestActor.YUZHONG, Set.of(EntityRole.TRANSFEREE), username, EntityRegistryTests.PASSWORD));
	}

	@Test
	void only_the_person_and_staff_in_scope_see_a_pending_persons_phone_and_address() throws Exception {
		String username = EntityRegistryTests.username();
		EntityView person = pendingPerson(username);
		assertThat(person.status()).isEqualTo(EntityStatus.PENDING);

		for (TestActor reviewer : Set.of(TestActor.admin(), TestActor.cityStaff(), TestActor.districtStaff(TestActor.YUZHONG))) {
			EntityView seen = reviewer.call(() -> registry.entity(person.id()));
			assertThat(seen.contactPhone()).as(reviewer.actor().username()).isEqualTo(PHONE);
			assertThat(seen.address()).as(reviewer.actor().username()).isEqualTo(ADDRESS);
		}
		EntityView own = EntityRegistryTests.signedIn(login, username, () -> registry.entity(person.id()));
		assertThat(own.contactPhone()).isEqualTo(PHONE);
		assertThat(own.address()).isEqualTo(ADDRESS);

		Set<TestActor> others = Set.of(TestActor.districtStaff(TestActor.WANZHOU), TestActor.regulator(),
				TestActor.of("p.tenderer", Role.TENDERER, TestActor.CITY, false),
				TestActor.of("p.agency", Role.AGENCY, TestActor.CITY, false),
				TestActor.of("p.bidder", Role.BIDDER, TestActor.CITY, false),
				TestActor.of("p.expert", Role.EXPERT, TestActor.CITY, false),
				TestActor.of("p.issuer", Role.GUARANTEE_ISSUER, TestActor.CITY, false),
				TestActor.of("p.intermediary", Role.INTERMEDIARY, TestActor.CITY, false),
				TestActor.of("p.client", Role.API_CLIENT, TestActor.CITY, false));
		for (TestActor other : others) {
			EntityView seen = other.call(() -> registry.entity(person.id()));
			assertThat(seen.name()).isEqualTo("赵六");
			assertThat(seen.contactPhone()).as(other.actor().username()).isNull();
			assertThat(seen.address()).as(other.actor().username()).isNull();
			assertThat(seen.email()).as(other.actor().username()).isNull();

			String api = mvc.perform(get("/api/registry/entities/" + person.id()).with(authentication(other.authentication())))
				.andReturn().getResponse().getContentAsString();
			assertThat(api).as(other.actor().username()).doesNotContain(PHONE).doesNotContain(ADDRESS);
			String page = mvc.perform(get("/registry/entities/" + person.id()).with(authentication(other.authentication())))
				.andReturn().getResponse().getContentAsString();
			assertThat(page).as(other.actor().username()).doesNotContain(PHONE).doesNotContain(ADDRESS);
		}
		for (TestActor searcher : Set.of(TestActor.districtStaff(TestActor.WANZHOU), TestActor.regulator())) {
			assertThat(searcher.call(() -> registry.search("赵六", 200))).filteredOn(e -> e.id().equals(person.id()))
				.singleElement().satisfies(e -> assertThat(e.contactPhone()).isNull());
		}
		String reviewerPage = mvc.perform(get("/registry/entities/" + person.id())
			.with(authentication(TestActor.districtStaff(TestActor.YUZHONG).authentication()))).andReturn().getResponse()
			.getContentAsString();
		assertThat(reviewerPage).contains(PHONE).contains(ADDRESS);
	}

	@Test
	void an_approved_organisations_contact_stays_visible_as_its_notices_publish_it() {
		String code = EntityRegistryTests.creditCode("500103");
		EntityView registered = registry.register(EntityRegistryTests.organisation(code, TestActor.YUZHONG,
				EntityRegistryTests.username(), EntityRole.BIDDER));
		assertThat(TestActor.regulator().call(() -> registry.entity(registered.id())).contactPhone())
			.as("pending: withheld").isNull();
		TestActor.cityStaff().run(() -> registry.approve(registered.id(), registered.version()));
		assertThat(TestActor.of("p.other", Role.BIDDER, TestActor.CITY, false).call(() -> registry.entity(registered.id()))
			.contactPhone()).isEqualTo("023-12345678");
	}
}
