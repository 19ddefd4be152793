"""Write the site: escaping, links, pages from templates, charts, data files, feeds, the MkDocs build."""
