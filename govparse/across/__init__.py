"""Across reports: a body's reports of consecutive years checked against each other
(carry_over), the reports of one run grouped by body and year (bodies), read from
files or from a batch run's database (sources), and two reports side by side
(compare)."""
