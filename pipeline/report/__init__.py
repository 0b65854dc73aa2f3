"""Regional comparison reports: read the DuckDB store (read-only), draw charts, render HTML.

`queries` turns the store into pandas frames, `plots` draws matplotlib charts with Chinese
labels, `html` turns frames into escaped HTML fragments, `render` executes
`notebooks/region_report.ipynb` with papermill and converts it to `REPORTS/<slug>.html`,
`render_all` does every region in parallel and writes `REPORTS/index.html`.
"""
