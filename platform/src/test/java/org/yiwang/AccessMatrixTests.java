package org.yiwang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;

/**
 * Every endpoint of the platform against every role and the anonymous public. The matrix below is the access
 * policy; an endpoint missing from it fails the test, so nothing new goes out unreviewed. Path variables name
 * records that do not exist, so allowed requests end in 400/404 and change nothing.
 */
@PlatformTest
class AccessMatrixTests {

	private static final Set<Role> ALL = EnumSet.allOf(Role.class);

	private static final Set<Role> PUBLIC = null;

	private static final Set<Role> ADMIN = EnumSet.of(Role.PLATFORM_ADMIN);

	private static final Set<Role> STAFF = EnumSet.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF);

	private static final Set<Role> READERS = EnumSet.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF, Role.REGULATOR);

	private static final Set<Role> MARKET = EnumSet.of(Role.TENDERER, Role.AGENCY, Role.BIDDER, Role.GUARANTEE_ISSUER,
			Role.INTERMEDIARY);

	private static final Map<String, Set<Role>> POLICY = new LinkedHashMap<>();

	static {
		allow(PUBLIC, "GET /", "GET /login", "GET /api/regions", "GET /api/categories", "GET /api/categories/{code}",
				"GET /api/categories/{code}/templates", "GET /api/categories/{code}/templates/{version}");
		allow(ALL, "GET /workspace", "GET /account", "POST /account/password", "GET /api/me");
		// issue 17, item 8: a person issues their own tokens; the person (or the staff member) ends support access
		allow(ALL, "POST /account/tokens", "POST /account/support/{grant}/end");
		allow(STAFF, "POST /admin/accounts/{id}/support", "POST /admin/accounts/{id}/support/{grant}/enter");
		allow(STAFF, "GET /admin/accounts", "POST /admin/accounts", "GET /admin/accounts/{id}",
				"POST /admin/accounts/{id}/enabled", "POST /admin/accounts/{id}/unlock", "POST /admin/accounts/{id}/password",
				"POST /admin/accounts/{id}/tokens", "POST /admin/accounts/{id}/tokens/{token}/revoke", "GET /api/accounts",
				"GET /api/accounts/{id}", "POST /api/accounts", "POST /admin/categories", "POST /admin/categories/{code}/name",
				"POST /admin/categories/{code}/enabled", "POST /admin/categories/{code}/template", "POST /api/categories",
				"PUT /api/categories/{code}/name", "PUT /api/categories/{code}/enabled", "POST /api/categories/{code}/templates");
		allow(READERS, "GET /admin/categories", "GET /admin/categories/{code}", "GET /admin/regions", "GET /admin/audit",
				"GET /api/audit/entries");
		// the working calendar: staff and regulators read it, staff keep it (the module asks for city-wide staff)
		allow(READERS, "GET /admin/calendar");
		allow(PUBLIC, "GET /api/calendar/{year}");
		allow(STAFF, "POST /admin/calendar/days", "POST /admin/calendar/days/{date}/remove");
		allow(ADMIN, "POST /admin/regions/{code}/name", "POST /admin/regions/{code}/active", "POST /admin/audit/verify",
				"GET /api/audit/verification");
		// registry
		allow(PUBLIC, "GET /registry/register", "POST /registry/register", "POST /api/registry/registrations");
		allow(ALL, "GET /registry/my", "GET /registry/entities/{id}", "GET /api/registry/me", "GET /api/registry/entities/{id}");
		allow(MARKET, "POST /registry/my/contact", "PUT /api/registry/me/contact", "POST /registry/my/nature",
				"PUT /api/registry/me/enterprise-nature");
		allow(MARKET, "POST /registry/my/resubmit", "POST /registry/my/roles", "POST /registry/my/qualifications",
				"POST /api/registry/me/qualifications", "POST /api/registry/consortia");
		allow(STAFF, "GET /registry/review", "GET /api/registry/review", "POST /registry/review/{id}/approve",
				"POST /registry/review/{id}/return", "POST /api/registry/review/{id}/approve",
				"POST /api/registry/review/{id}/return");
		allow(READERS, "GET /registry/entities", "POST /registry/entities/{id}/credit", "POST /api/registry/entities/{id}/credit");
		allow(ALL, "POST /registry/entities/{id}/signature-check", "POST /api/registry/entities/{id}/signature-check",
				"GET /api/registry/entities/{id}/certificates");
		allow(MARKET, "POST /registry/my/certificates", "POST /registry/my/demo-certificate", "POST /api/registry/me/certificates");
		allow(STAFF, "POST /registry/review/certificates/{fingerprint}/approve",
				"POST /registry/review/certificates/{fingerprint}/refuse",
				"POST /api/registry/review/certificates/{fingerprint}/approve",
				"POST /api/registry/review/certificates/{fingerprint}/refuse");
		// pki: platform certificates are public, the trust store is read by everyone signed in and changed by the admin
		allow(PUBLIC, "GET /pki/platform-certificate.pem", "GET /pki/ca.pem", "GET /pki/tsa-certificate.pem");
		allow(ALL, "GET /api/pki/cas", "POST /api/pki/verify", "POST /api/pki/timestamp");
		allow(ADMIN, "GET /admin/pki", "POST /admin/pki/cas", "POST /admin/pki/crls", "POST /api/pki/cas", "POST /api/pki/crls");
		// pki key custody: opening public keys are public, custodians are the admin's, demo custodians (staff) fetch their key
		allow(PUBLIC, "GET /pki/opening-keys/{id}/public-key.pem");
		allow(ADMIN, "GET /admin/pki/custodians", "POST /admin/pki/custodians", "POST /admin/pki/custodians/withdraw");
		allow(EnumSet.of(Role.CENTER_STAFF), "GET /pki/custodian/demo-key.pem");
		// guarantee: anyone checks a guarantee; staff set requirements and register issuers; bidders apply; issuers' systems post letters
		allow(PUBLIC, "GET /guarantees/verify", "GET /api/guarantees/verify");
		allow(STAFF, "GET /guarantees/requirements", "POST /guarantees/requirements", "POST /guarantees/issuers",
				"GET /api/guarantees/requirements", "POST /api/guarantees/requirements",
				"GET /api/guarantees/requirements/{code}", "POST /api/guarantees/issuers", "POST /guarantees/banks",
				"POST /api/guarantees/banks");
		allow(ALL, "GET /api/guarantees/issuers");
		allow(EnumSet.of(Role.BIDDER), "GET /guarantees/my", "POST /guarantees/my/applications", "POST /api/guarantees/applications",
				"GET /api/guarantees/applications/mine", "GET /api/guarantees/mine", "POST /guarantees/my/deposits",
				"POST /api/guarantees/deposits", "GET /api/guarantees/deposits/mine");
		allow(EnumSet.of(Role.API_CLIENT), "POST /api/guarantees/bank/arrivals");
		allow(EnumSet.of(Role.GUARANTEE_ISSUER), "GET /api/guarantees/issuer/applications",
				"POST /api/guarantees/issuer/applications/{id}/letter");
		// guarantee: release and refunds; staff end a trade and record its contract, issuers and banks work their feeds
		allow(STAFF, "GET /guarantees/trades/{code}", "POST /guarantees/trades/{code}/end",
				"POST /guarantees/trades/{code}/signing", "GET /api/guarantees/requirements/{code}/security",
				"POST /api/guarantees/requirements/{code}/transaction-end",
				"POST /api/guarantees/requirements/{code}/contract-signing", "GET /api/guarantees/refunds/overdue");
		allow(EnumSet.of(Role.BIDDER), "GET /api/guarantees/refunds/mine");
		allow(EnumSet.of(Role.API_CLIENT), "GET /api/guarantees/bank/refunds", "POST /api/guarantees/bank/refunds/{id}/execution");
		allow(EnumSet.of(Role.GUARANTEE_ISSUER), "GET /api/guarantees/issuer/releases",
				"POST /api/guarantees/issuer/releases/{id}/acknowledgement");
		// guarantee: claims filed by tenderers, decided by staff, paid by issuers
		allow(STAFF, "POST /guarantees/trades/{code}/claims/{id}", "POST /api/guarantees/claims/{id}/decision",
				"GET /guarantees/figures", "GET /api/guarantees/figures");
		allow(EnumSet.of(Role.TENDERER), "POST /api/guarantees/claims", "GET /api/guarantees/claims/mine");
		allow(EnumSet.of(Role.GUARANTEE_ISSUER), "GET /api/guarantees/issuer/claims",
				"POST /api/guarantees/issuer/claims/{id}/payment");
		// tendering: tenderers and agencies register and draft, staff check and publish, bidders take part, regulators read
		Set<Role> tenderViewers = EnumSet.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF, Role.REGULATOR, Role.TENDERER,
				Role.AGENCY, Role.BIDDER);
		Set<Role> tenderParty = EnumSet.of(Role.TENDERER, Role.AGENCY);
		allow(tenderViewers, "GET /tenders", "GET /tenders/sections/{id}", "GET /tenders/documents/{id}",
				"GET /api/tendering/sections", "GET /api/tendering/sections/{id}", "GET /api/tendering/documents/{id}");
		allow(tenderParty, "GET /tenders/new", "GET /api/tendering/mandates", "POST /tenders",
				"POST /tenders/projects/{id}/sections", "POST /tenders/sections/{id}/resubmit", "POST /tenders/sections/{id}/notice",
				"POST /tenders/sections/{id}/documents", "POST /tenders/sections/{id}/clarifications",
				"POST /tenders/questions/{id}/answer", "POST /tenders/objections/{id}/answer", "POST /api/tendering/tenders",
				"POST /api/tendering/tender-projects/{id}/sections", "PUT /api/tendering/sections/{id}",
				"POST /api/tendering/sections/{id}/notice", "POST /api/tendering/sections/{id}/documents",
				"POST /api/tendering/sections/{id}/clarifications", "POST /api/tendering/questions/{id}/answer",
				"POST /api/tendering/objections/{id}/answer");
		// a document's signature: read by whoever may download the document; given by the tenderer or its agency
		allow(tenderViewers, "GET /tenders/documents/{id}/signature", "GET /tenders/documents/{id}/certificate",
				"GET /api/tendering/documents/{id}/signature", "GET /api/tendering/documents/{id}/certificate");
		allow(tenderParty, "POST /tenders/documents/{id}/signature", "POST /api/tendering/documents/{id}/signature");
		allow(EnumSet.of(Role.TENDERER), "POST /tenders/mandates", "POST /api/tendering/mandates");
		allow(STAFF, "POST /tenders/sections/{id}/approve", "POST /tenders/sections/{id}/return",
				"POST /tenders/sections/{id}/notice/return", "POST /tenders/sections/{id}/publish",
				"POST /api/tendering/sections/{id}/approval", "POST /api/tendering/sections/{id}/return",
				"POST /api/tendering/sections/{id}/notice/return", "POST /api/tendering/sections/{id}/publication");
		allow(EnumSet.of(Role.BIDDER), "POST /tenders/sections/{id}/project-manager",
				"PUT /api/tendering/sections/{id}/project-manager", "GET /api/tendering/sections/{id}/project-manager");
		allow(EnumSet.of(Role.BIDDER), "POST /tenders/sections/{id}/interest", "POST /tenders/sections/{id}/questions",
				"POST /tenders/sections/{id}/objections", "POST /api/tendering/sections/{id}/interest",
				"POST /api/tendering/sections/{id}/questions", "POST /api/tendering/sections/{id}/objections",
				"GET /api/tendering/notifications");
		// portal and open data: public pages (no sign-in: every published record is for everyone); an Atom feed is
		// reached by its unguessable token; saving searches needs an account; the administrator rebuilds the index
		allow(PUBLIC, "GET /portal", "GET /notices", "GET /notices/{id}", "GET /notices/{id}/signature",
				"GET /notices/{id}/signed-content", "GET /notices/{id}/signature.sig",
				"GET /notices/documents/{id}/signature.sig", "GET /notices/documents/{id}/certificate.pem",
				"GET /portal/feeds/{token}",
				"GET /opendata/releases", "GET /opendata/sections/{tradeCode}/releases");
		allow(ALL, "GET /portal/saved-searches", "POST /portal/saved-searches", "POST /portal/saved-searches/{id}/seen",
				"POST /portal/saved-searches/{id}/delete");
		allow(ADMIN, "GET /admin/portal/index", "POST /admin/portal/index/rebuild");
		allow(READERS, "GET /admin/portal/uplink");
		allow(PUBLIC, "POST /api/demo/national-platform/{dataset}");
		// registry: a demo certificate through the API too (the demo issuer's system fetches its own)
		allow(MARKET, "POST /api/registry/me/demo-certificate");
		// guarantee: the bank looks up a sub-account; the tenderer's claims page; the demo bank's page (404 unless demo)
		allow(EnumSet.of(Role.API_CLIENT), "GET /api/guarantees/bank/accounts/{id}");
		allow(EnumSet.of(Role.TENDERER), "GET /guarantees/claims", "POST /guarantees/claims");
		allow(EnumSet.of(Role.BIDDER), "GET /demo-bank", "POST /demo-bank/transfers");
		allow(EnumSet.of(Role.BIDDER), "POST /tenders/sections/{id}/bids", "POST /tenders/bids/{id}/withdraw",
				"GET /tenders/bids/{id}/receipt", "GET /tenders/bids/{id}/receipt.zip", "POST /api/tendering/sections/{id}/bids",
				"GET /api/tendering/sections/{id}/bids/mine", "GET /api/tendering/bids/{id}", "GET /api/tendering/bids/{id}/receipt",
				"GET /api/tendering/bids/{id}/receipt.zip", "POST /api/tendering/bids/{id}/withdrawal");
		allow(EnumSet.of(Role.REGULATOR), "GET /api/tendering/bids/{id}/evidence");
		// auction: anyone reads listings and watches auctions; transferors (tenderer accounts) and agencies submit; staff
		// review, qualify and conclude; transferees (bidder accounts) register and bid; the parties download the confirmation
		allow(PUBLIC, "GET /listings", "GET /listings/{id}", "GET /auctions/{id}", "GET /auctions/{id}/state",
				"GET /auctions/{id}/events", "GET /api/listings", "GET /api/auctions/{id}");
		allow(EnumSet.of(Role.TENDERER, Role.AGENCY), "GET /listings/new", "POST /listings", "POST /api/listings");
		allow(EnumSet.of(Role.TENDERER, Role.AGENCY, Role.BIDDER), "GET /listings/mine");
		allow(STAFF, "GET /listings/review", "POST /listings/{id}/publish", "POST /listings/{id}/return",
				"POST /listings/{id}/conclude", "POST /listings/{id}/agreement", "POST /listings/registrations/{id}/qualify",
				"POST /listings/registrations/{id}/refuse", "POST /listings/{id}/demo-clock");
		allow(EnumSet.of(Role.BIDDER), "POST /listings/{id}/registrations", "POST /auctions/{id}/bids",
				"POST /api/auctions/{id}/bids", "POST /auctions/{id}/accept", "POST /api/auctions/{id}/accept",
				"GET /auctions/{id}/sealed-receipt", "GET /api/auctions/{id}/sealed-receipt");
		allow(ALL, "GET /listings/{id}/confirmation.pdf");
		// procurement (issue 23): anyone reads published cases; purchasers and agencies register; staff publish and answer
		// objections; the team (purchaser's side or staff; the module checks whose case) opens, negotiates and concludes;
		// invited suppliers (bidder accounts) respond and make final offers; anyone signed in objects to a single source
		allow(PUBLIC, "GET /procurement", "GET /procurement/{id}");
		allow(EnumSet.of(Role.TENDERER, Role.AGENCY), "GET /procurement/new", "POST /procurement");
		allow(EnumSet.of(Role.TENDERER, Role.AGENCY, Role.BIDDER), "GET /procurement/mine");
		allow(STAFF, "GET /procurement/review", "POST /procurement/{id}/publish", "POST /procurement/{id}/team",
				"POST /procurement/objections/{id}/answer");
		allow(EnumSet.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF, Role.TENDERER, Role.AGENCY), "POST /procurement/{id}/open",
				"POST /procurement/{id}/rounds", "POST /procurement/{id}/final-offers/call", "POST /procurement/{id}/conclude",
				"POST /procurement/{id}/agree");
		allow(EnumSet.of(Role.BIDDER), "POST /procurement/{id}/responses", "POST /procurement/{id}/final-offers",
				"POST /procurement/{id}/sealed-offers");
		allow(STAFF, "POST /procurement/{id}/shares");
		allow(ALL, "POST /procurement/{id}/objections");
		// framework agreements (issue 23): public call, entry list and orders; purchasers register, order and decide
		// their re-competitions; staff publish; the team selects; suppliers respond and offer
		allow(PUBLIC, "GET /procurement/frameworks", "GET /procurement/frameworks/{id}");
		allow(EnumSet.of(Role.TENDERER, Role.AGENCY), "GET /procurement/frameworks/new", "POST /procurement/frameworks",
				"POST /procurement/frameworks/{id}/orders", "POST /procurement/framework-orders/{id}/award");
		allow(STAFF, "POST /procurement/frameworks/{id}/publish", "POST /procurement/frameworks/{id}/republish");
		allow(EnumSet.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF, Role.TENDERER, Role.AGENCY),
				"POST /procurement/frameworks/{id}/select");
		allow(EnumSet.of(Role.BIDDER), "POST /procurement/frameworks/{id}/responses",
				"POST /procurement/framework-orders/{id}/offers", "POST /procurement/frameworks/{id}/join",
				"POST /procurement/frameworks/{id}/exit", "POST /procurement/frameworks/{id}/sealed-responses",
				"POST /procurement/framework-orders/{id}/sealed-offers");
		allow(STAFF, "POST /procurement/frameworks/{id}/shares", "POST /procurement/framework-orders/{id}/shares");
		// issue 23: JSON reads of both modules, in the reader's scope (the module filters what each sees)
		allow(PUBLIC, "GET /api/procurement/cases", "GET /api/procurement/cases/{id}", "GET /api/procurement/frameworks",
				"GET /api/procurement/frameworks/{id}", "GET /api/procurement/frameworks/{id}/orders",
				"GET /api/purchasing/catalogue", "GET /api/purchasing/rounds", "GET /api/purchasing/rounds/{id}");
		allow(EnumSet.of(Role.TENDERER, Role.AGENCY, Role.BIDDER), "GET /api/procurement/mine");
		// tendering award and contract: the section's parties, bidders, staff and regulators read (the module narrows);
		// bidders object and complain; the tenderer's side answers, confirms and uploads; tenderer and winner sign
		Set<Role> awardViewers = EnumSet.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF, Role.REGULATOR, Role.TENDERER,
				Role.AGENCY, Role.BIDDER);
		allow(awardViewers, "GET /tenders/sections/{id}/award", "GET /tenders/sections/{id}/award/verification",
				"GET /tenders/sections/{id}/award/notice.pdf", "GET /tenders/sections/{id}/award/notice.pdf.sig",
				"GET /tenders/sections/{id}/contract.pdf", "GET /api/tendering/sections/{id}/award",
				"GET /api/tendering/sections/{id}/award/notice.pdf", "GET /api/tendering/sections/{id}/award/notice.pdf.sig",
				"GET /api/tendering/sections/{id}/contract.pdf");
		allow(EnumSet.of(Role.BIDDER), "GET /tenders/sections/{id}/award/result-notice.pdf",
				"GET /tenders/sections/{id}/award/result-notice.pdf.sig");
		allow(EnumSet.of(Role.BIDDER), "POST /tenders/sections/{id}/award/objections",
				"POST /tenders/sections/{id}/award/complaints", "POST /api/tendering/sections/{id}/award/objections",
				"POST /api/tendering/sections/{id}/award/complaints");
		allow(EnumSet.of(Role.TENDERER, Role.AGENCY), "POST /tenders/award/objections/{id}/answer",
				"POST /tenders/sections/{id}/award/winner", "POST /tenders/sections/{id}/contract",
				"POST /api/tendering/award/objections/{id}/answer", "POST /api/tendering/sections/{id}/award/winner",
				"POST /api/tendering/sections/{id}/contract");
		allow(EnumSet.of(Role.TENDERER, Role.BIDDER), "POST /tenders/sections/{id}/contract/signatures",
				"POST /api/tendering/sections/{id}/contract/signatures");
		// evaluation (scoring): the module shows each reader only what is theirs (a member's own case once begun, a
		// region's cases to its staff and regulators); staff schedule and begin; committee members (experts, or a
		// tenderer's representative) vote, review, score, sign and report; tenderers name a representative; bidders
		// answer the clarifications put to them
		Set<Role> evaluationReaders = EnumSet.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF, Role.REGULATOR, Role.EXPERT,
				Role.TENDERER);
		Set<Role> committee = EnumSet.of(Role.EXPERT, Role.TENDERER);
		allow(evaluationReaders, "GET /evaluation/cases", "GET /evaluation/cases/{id}", "GET /evaluation/reports/{id}.pdf",
				"GET /api/evaluation/cases/{id}");
		allow(STAFF, "POST /evaluation/cases/{id}/schedule", "POST /evaluation/cases/{id}/begin");
		allow(EnumSet.of(Role.TENDERER), "POST /evaluation/cases/{id}/representative");
		allow(committee, "GET /evaluation/cases/{id}/sheet", "POST /evaluation/cases/{id}/leader",
				"POST /evaluation/cases/{id}/reviews", "POST /evaluation/cases/{id}/points",
				"POST /evaluation/cases/{id}/sheet/signature", "POST /evaluation/cases/{id}/clarifications",
				"POST /evaluation/cases/{id}/report", "POST /evaluation/cases/{id}/report/signature");
		// the committee reads the opened bids of its case (the module lets in only the seated members)
		allow(committee, "GET /evaluation/cases/{id}/bids/{bid}", "GET /evaluation/cases/{id}/bids/{bid}/files/{position}");
		allow(EnumSet.of(Role.BIDDER), "GET /evaluation/clarifications", "POST /evaluation/clarifications/{id}/answer",
				"GET /api/evaluation/clarifications/mine", "POST /api/evaluation/clarifications/{id}/answer");
		// evaluation (DRAW): experts sign in with a certificate; a revealed draw's verification record is public; staff
		// keep the pool and draw (regulators read); experts answer their invitations; tenderers list whom to avoid
		allow(PUBLIC, "GET /experts/sign-in", "GET /experts/sign-in/challenges/{id}", "POST /experts/sign-in",
				"GET /draws/{id}/verification.json", "GET /api/draws/{id}/verification");
		allow(EnumSet.of(Role.EXPERT), "GET /experts/me", "GET /experts/me/demo-key.pem", "POST /experts/me/invitations/{id}",
				"GET /api/experts/me/invitations", "POST /api/experts/me/invitations/{id}");
		allow(EnumSet.of(Role.TENDERER, Role.AGENCY), "GET /draws/avoidances", "POST /draws/avoidances",
				"POST /api/draws/avoidances");
		allow(READERS, "GET /experts", "GET /experts/{id}", "GET /draws", "GET /draws/{id}", "GET /api/experts",
				"GET /api/experts/{id}", "GET /api/draws/{id}");
		allow(STAFF, "POST /experts", "POST /experts/{id}/certificate", "POST /experts/{id}/unavailability",
				"POST /experts/{id}/credit", "POST /draws", "POST /draws/{id}/draw", "POST /draws/{id}/answers",
				"POST /draws/{id}/evaluation-begun", "POST /api/experts", "POST /api/experts/{id}/certificate",
				"POST /api/experts/{id}/unavailability", "POST /api/experts/{id}/credit", "POST /api/draws",
				"POST /api/draws/{id}/draw", "POST /api/draws/{id}/answers");
		// tendering, remote opening: the section's bidders, parties, region staff (custodians are staff accounts) and
		// regulators look; bidders check in, decrypt, confirm and object; the tenderer or agency answers; custodians give
		// shares; staff close the record and re-tender
		Set<Role> openingViewers = EnumSet.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF, Role.REGULATOR, Role.TENDERER,
				Role.AGENCY, Role.BIDDER);
		allow(openingViewers, "GET /tenders/sections/{id}/opening", "GET /tenders/sections/{id}/opening/events",
				"GET /api/tendering/sections/{id}/opening");
		allow(EnumSet.of(Role.BIDDER), "GET /tenders/sections/{id}/opening/confirmation.txt",
				"GET /api/tendering/sections/{id}/opening/confirmation.txt");
		allow(EnumSet.of(Role.BIDDER), "POST /tenders/sections/{id}/opening/check-in",
				"POST /tenders/sections/{id}/opening/decryption", "POST /tenders/sections/{id}/opening/confirmation",
				"POST /tenders/sections/{id}/opening/objections", "POST /api/tendering/sections/{id}/opening/check-in",
				"POST /api/tendering/sections/{id}/opening/decryption",
				"POST /api/tendering/sections/{id}/opening/confirmation",
				"POST /api/tendering/sections/{id}/opening/objections");
		allow(EnumSet.of(Role.TENDERER, Role.AGENCY), "POST /tenders/opening-objections/{id}/answer",
				"POST /api/tendering/opening-objections/{id}/answer");
		allow(STAFF, "POST /tenders/sections/{id}/opening/shares", "POST /tenders/sections/{id}/opening/record",
				"POST /tenders/sections/{id}/retender", "POST /api/tendering/sections/{id}/opening/shares",
				"POST /api/tendering/sections/{id}/opening/record", "POST /api/tendering/sections/{id}/retender");
		// the demo clock: the administrator's, with demo data on
		allow(ADMIN, "GET /admin/demo-clock", "POST /admin/demo-clock");
		// registry: a member states its own phone (投标操作人联系方式 of the bids it submits)
		allow(MARKET, "POST /registry/my/phone", "PUT /api/registry/me/phone");
		// purchasing (issue 23): anyone reads the catalogue and rounds; suppliers (bidder accounts) add products, declare
		// prices, bid and deliver; hospitals (tenderer accounts) report quantities, order, receive and settle; staff review
		// prices, import reference prices and run rounds; staff and regulators watch prices
		allow(PUBLIC, "GET /catalogue", "GET /purchasing/rounds", "GET /purchasing/rounds/{id}");
		allow(EnumSet.of(Role.BIDDER), "GET /purchasing/supplier", "POST /purchasing/products",
				"POST /purchasing/products/{id}/prices", "POST /purchasing/rounds/{id}/bids",
				"POST /purchasing/orders/{id}/delivery");
		allow(EnumSet.of(Role.TENDERER), "GET /purchasing/hospital", "POST /purchasing/rounds/{id}/quantities",
				"POST /purchasing/orders", "POST /purchasing/orders/{id}/receipt", "POST /purchasing/orders/{id}/settlement");
		allow(STAFF, "GET /purchasing/prices", "POST /purchasing/prices/{id}/approve", "POST /purchasing/prices/{id}/refuse",
				"POST /purchasing/reference-prices", "POST /purchasing/rounds", "POST /purchasing/rounds/{id}/decide");
		allow(EnumSet.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF, Role.BIDDER), "GET /purchasing/prices/{id}/evidence");
		allow(READERS, "GET /purchasing/monitoring");
		// supervision screens and alerts (issue 19): regulators screen, dispatch and close; the operator's staff answer
		allow(EnumSet.of(Role.REGULATOR), "GET /supervision/screenings", "POST /supervision/screenings",
				"POST /api/supervision/screenings", "POST /supervision/alerts/{id}/dispatch", "POST /supervision/alerts/{id}/close");
		allow(EnumSet.of(Role.REGULATOR, Role.CENTER_STAFF), "GET /supervision/alerts", "GET /supervision/alerts/{id}");
		// OCDS red flags (issue 19): regulators only, narrowed to their regions and industries
		allow(EnumSet.of(Role.REGULATOR), "GET /supervision/red-flags");
		// the party an alert is dispatched to answers, acknowledges and follows up: the operator's staff or regulators
		// of the department in charge (the service narrows to the party itself)
		allow(EnumSet.of(Role.REGULATOR, Role.CENTER_STAFF), "POST /supervision/alerts/{id}/answer",
				"POST /supervision/alerts/{id}/acknowledgement", "POST /supervision/alerts/{id}/follow-ups");
		// supervision JSON (issue 19): read-only, regulators only, narrowed to their regions and industries
		allow(EnumSet.of(Role.REGULATOR), "GET /api/supervision/workspace", "GET /api/supervision/complaints",
				"GET /api/supervision/complaints/{id}", "GET /api/supervision/alerts", "GET /api/supervision/alerts/{id}");
		// supervision (issue 19): only regulators work in the workspace and take acts (管办分离: no staff); bidders
		// file complaints and read their own; the regulators' published decisions are public
		allow(EnumSet.of(Role.REGULATOR), "GET /supervision", "GET /supervision/sections/{id}", "GET /supervision/acts/{id}",
				"GET /supervision/acts/{id}/text", "POST /supervision/acts", "POST /supervision/acts/{id}/signature",
				"POST /supervision/complaints/{id}/acceptance", "POST /supervision/complaints/{id}/pauses",
				"POST /supervision/complaints/{id}/pauses/end");
		allow(EnumSet.of(Role.REGULATOR, Role.BIDDER), "GET /supervision/complaints/{id}", "GET /supervision/evidence/{id}");
		allow(EnumSet.of(Role.BIDDER), "GET /complaints", "POST /complaints");
		allow(PUBLIC, "GET /decisions", "GET /decisions/{id}/text", "GET /decisions/{id}/signature");
		// intermediary marketplace (issue 21): requests, results, draw records, profiles and the catalogue are public;
		// owners (tenderer accounts) publish, accept and rate; intermediaries sign up, confirm and deliver; owners or
		// staff select; staff record breaches and set thresholds; regulators and staff read the direct selections
		allow(PUBLIC, "GET /intermediary", "GET /intermediary/requests/{id}", "GET /intermediary/requests/{id}/draw.json",
				"GET /intermediary/providers", "GET /intermediary/providers/{id}", "GET /intermediary/service-types");
		allow(EnumSet.of(Role.TENDERER), "GET /intermediary/requests/new", "POST /intermediary/requests",
				"POST /intermediary/requests/{id}/acceptance", "POST /intermediary/requests/{id}/rating");
		allow(EnumSet.of(Role.INTERMEDIARY), "POST /intermediary/requests/{id}/signups",
				"POST /intermediary/requests/{id}/contract", "POST /intermediary/requests/{id}/delivery",
				"POST /intermediary/mine/services", "POST /intermediary/mine/staff");
		allow(EnumSet.of(Role.TENDERER, Role.CENTER_STAFF, Role.PLATFORM_ADMIN), "POST /intermediary/requests/{id}/selection");
		allow(STAFF, "POST /intermediary/requests/{id}/breach", "POST /intermediary/service-types/{code}");
		allow(EnumSet.of(Role.TENDERER, Role.INTERMEDIARY), "GET /intermediary/mine");
		allow(READERS, "GET /intermediary/direct-selections");
		// transparency log (issue 24): public, no sign-in, for every reader, monitor and witness
		allow(PUBLIC, "GET /api/transparency/log/sth", "GET /api/transparency/log/proof-by-index", "GET /api/transparency/log/proof-by-hash",
				"GET /api/transparency/log/consistency", "GET /api/transparency/log/entries", "GET /open/transparency");
		// venues (issue 22): a site's screen is public; sites, rooms, bookings, the door and utilisation are the staff's
		allow(PUBLIC, "GET /venues/{id}/screen");
		allow(STAFF, "GET /venues", "GET /venues/sites/{id}", "GET /venues/bookings", "GET /venues/bookings/{id}",
				"GET /venues/utilisation", "POST /venues/sites", "POST /venues/sites/{id}/rooms",
				"POST /venues/sites/{id}/closures", "POST /venues/sites/{id}/bookings", "POST /venues/remote",
				"POST /venues/bookings/{id}/roster", "POST /venues/bookings/{id}/codes",
				"POST /venues/bookings/{id}/check-in", "POST /venues/bookings/{id}/check-out",
				"POST /venues/bookings/{id}/cancellation");
		// analytics (issue 20): the public dashboard is open; staff read the operator's and staff performance, regulators
		// theirs (scoped to their industries and regions); every download is a read
		allow(PUBLIC, "GET /open/analytics", "GET /open/analytics/facts", "GET /open/analytics/export/data.csv",
				"GET /open/analytics/export/data.xlsx");
		allow(STAFF, "GET /analytics", "GET /analytics/facts", "GET /analytics/export/data.csv", "GET /analytics/export/data.xlsx",
				"GET /analytics/staff");
		allow(EnumSet.of(Role.REGULATOR), "GET /analytics/regulator", "GET /analytics/regulator/facts",
				"GET /analytics/regulator/export/data.csv", "GET /analytics/regulator/export/data.xlsx");
		// service desk (issue 22): the item list and the center's figures are public; users and staff file and read
		// requests (the module narrows: a user's own, staff their region's); users rate; staff handle and rectify
		Set<Role> deskUsers = EnumSet.of(Role.TENDERER, Role.AGENCY, Role.BIDDER, Role.GUARANTEE_ISSUER,
				Role.INTERMEDIARY, Role.EXPERT);
		Set<Role> deskAll = EnumSet.copyOf(deskUsers);
		deskAll.addAll(STAFF);
		allow(PUBLIC, "GET /service/items", "GET /open/service");
		allow(deskAll, "GET /service", "GET /service/requests/{id}", "POST /service/requests",
				"POST /service/requests/{id}/documents");
		allow(deskUsers, "POST /service/requests/{id}/rating");
		allow(STAFF, "POST /service/requests/{id}/claim", "POST /service/requests/{id}/assignee",
				"POST /service/requests/{id}/finish", "POST /service/requests/{id}/reply",
				"POST /service/requests/{id}/revisit", "POST /service/items/{code}", "GET /service/performance");
	}

	private static void allow(Set<Role> roles, String... endpoints) {
		for (String endpoint : endpoints) {
			POLICY.put(endpoint, roles);
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private Set<String> endpoints() {
		Set<String> endpoints = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			if (!entry.getValue().getBeanType().getPackageName().startsWith("org.yiwang")) {
				continue;
			}
			for (String pattern : entry.getKey().getPatternValues()) {
				for (var method : entry.getKey().getMethodsCondition().getMethods()) {
					endpoints.add(method.name() + " " + pattern);
				}
			}
		}
		return endpoints;
	}

	@Test
	void every_endpoint_is_in_the_access_policy() {
		assertThat(endpoints()).as("endpoints without an entry in AccessMatrixTests.POLICY").isSubsetOf(POLICY.keySet());
		assertThat(POLICY.keySet()).as("policy entries for endpoints that no longer exist").isSubsetOf(endpoints());
	}

	@Test
	void every_endpoint_admits_exactly_the_roles_the_policy_names() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (String endpoint : endpoints()) {
			Set<Role> allowed = POLICY.get(endpoint);
			check(endpoint, null, allowed == PUBLIC, wrong);
			for (Role role : Role.values()) {
				check(endpoint, role, allowed == PUBLIC || allowed.contains(role), wrong);
			}
		}
		assertThat(wrong).isEmpty();
	}

	private void check(String endpoint, Role role, boolean expectAllowed, List<String> wrong) throws Exception {
		MockHttpServletResponse response = mvc.perform(build(endpoint, role)).andReturn().getResponse();
		int status = response.getStatus();
		String location = response.getRedirectedUrl();
		boolean denied = status == 401 || status == 403 || (location != null && location.contains("/login"));
		if (denied == expectAllowed) {
			wrong.add(endpoint + " as " + (role == null ? "anonymous" : role) + " -> " + status
					+ (location == null ? "" : " " + location) + (expectAllowed ? " (should be allowed)" : " (should be denied)"));
		}
	}

	private static MockHttpServletRequestBuilder build(String endpoint, Role role) {
		String[] parts = endpoint.split(" ", 2);
		String path = parts[1].replace("{version}", "1")
			.replace("{id}", "00000000-0000-0000-0000-000000000000")
			.replace("{token}", "00000000-0000-0000-0000-000000000001")
			.replace("{bid}", "00000000-0000-0000-0000-000000000002")
			.replace("{position}", "0")
			.replace("{grant}", "00000000-0000-0000-0000-000000000002")
			.replace("{fingerprint}", "0".repeat(64))
			.replace("{tradeCode}", "NO-SUCH-TRADE-CODE")
			.replace("{dataset}", "NO_SUCH_DATASET")
			.replace("{date}", "2099-12-31")
			.replace("{year}", "2099");
		path = path.startsWith("/admin/regions") ? path.replace("{code}", "999999") : path.replace("{code}", "NO_SUCH_CODE");
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(parts[0]), path);
		if (!parts[0].equals("GET")) {
			request.with(csrf());
			if (path.startsWith("/api/")) {
				request.contentType(MediaType.APPLICATION_JSON).content("{}");
			}
		}
		if (role != null) {
			request.with(authentication(actor(role).authentication()));
		}
		return request;
	}

	private static TestActor actor(Role role) {
		return switch (role) {
			case REGULATOR -> new TestActor(new org.yiwang.kernel.Actor("regulator", role.name(), TestActor.CITY),
					"regulator", Set.of(role), RegionScope.wholeCity(), Set.of(CategoryCode.of("ENG_BUILDING")));
			case CENTER_STAFF -> TestActor.cityStaff();
			case PLATFORM_ADMIN -> TestActor.admin();
			default -> TestActor.of(role.name().toLowerCase(), role, TestActor.CITY, false);
		};
	}
}
