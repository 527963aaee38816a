package org.yiwang.catalog;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Categories extends ListCrudRepository<TradingCategory, String> {

	List<TradingCategory> findAllByOrderByPosition();

	@Query("select coalesce(max(position), 0) from catalog.categories")
	int lastPosition();
}
