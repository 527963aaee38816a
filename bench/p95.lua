-- wrk prints p50/p75/p90/p99 with --latency; this adds the p95 the issue asks for.
done = function(summary, latency, requests)
  io.write(string.format("p95 %.2f ms, p50 %.2f ms, p99 %.2f ms, %d requests, %.0f req/s, %d errors\n",
    latency:percentile(95) / 1000, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.requests / (summary.duration / 1e6),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
