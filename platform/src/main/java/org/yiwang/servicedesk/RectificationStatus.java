package org.yiwang.servicedesk;

public enum RectificationStatus {
	OPEN, REPLIED, CLOSED
}
