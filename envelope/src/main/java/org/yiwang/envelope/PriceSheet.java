package org.yiwang.envelope;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bid's price sheet (开标一览表), read aloud at opening. JSON (UTF-8):
 * <pre>
 * {"bidder": "重庆某建设有限公司", "tradeCode": "…", "totalPrice": "12345678.90", "durationDays": 180,
 *  "quality": "合格", "items": [{"name": "项目经理", "value": "张三"}]}
 * </pre>
 * {@code totalPrice} is yuan with at most two decimals (a JSON string or number), written back with exactly two.
 */
public record PriceSheet(String bidder, String tradeCode, BigDecimal totalPrice, int durationDays, String quality,
		List<Item> items) {

	public static final int MAX_BYTES = 64 * 1024;

	/** A further line of the sheet (project manager, warranty, …). */
	public record Item(String name, String value) {
	}

	public PriceSheet {
		items = items == null ? List.of() : List.copyOf(items);
	}

	public static PriceSheet parse(byte[] json) throws EnvelopeException {
		if (json.length > MAX_BYTES) {
			throw new EnvelopeException(EnvelopeException.Problem.BAD_INPUT, "the price sheet exceeds " + MAX_BYTES + " bytes");
		}
		Json sheet = Json.parse(json, EnvelopeException.Problem.BAD_INPUT, "price sheet");
		String bidder = sheet.string("bidder", 200);
		String tradeCode = sheet.string("tradeCode", 64);
		JsonNode price = sheet.node().get("totalPrice");
		BigDecimal total;
		try {
			if (price == null || !(price.isString() || price.isNumber())) {
				throw sheet.fail("totalPrice is missing");
			}
			total = price.isString() ? new BigDecimal(price.stringValue().strip()) : price.decimalValue();
		}
		catch (NumberFormatException e) {
			throw sheet.fail("totalPrice is not a number");
		}
		if (total.signum() <= 0 || total.stripTrailingZeros().scale() > 2 || total.compareTo(new BigDecimal("1e15")) >= 0) {
			throw sheet.fail("totalPrice must be positive yuan with at most two decimals");
		}
		int days = (int) sheet.number("durationDays", 1, 36_500);
		String quality = sheet.string("quality", 200);
		List<Item> items = new ArrayList<>();
		for (Json item : sheet.array("items", 100, false)) {
			items.add(new Item(item.string("name", 100), item.string("value", 1000)));
		}
		return new PriceSheet(bidder, tradeCode, total.setScale(2), days, quality, items);
	}

	public byte[] toJson() {
		ObjectNode node = Json.object();
		node.put("bidder", bidder);
		node.put("tradeCode", tradeCode);
		node.put("totalPrice", totalPrice.setScale(2).toPlainString());
		node.put("durationDays", durationDays);
		node.put("quality", quality);
		ArrayNode array = node.putArray("items");
		for (Item item : items) {
			array.addObject().put("name", item.name()).put("value", item.value());
		}
		return Json.bytes(node);
	}
}
