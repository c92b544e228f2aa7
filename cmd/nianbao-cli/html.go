package main

import (
	"nianbao/app"
	"nianbao/htmlout"
)

func init() {
	x := officeExport{name: "html", what: "网页", ext: ".html",
		write: func(r *app.Report, _ string, draft bool) ([]byte, error) {
			s, err := htmlout.Page(r, htmlout.Options{Draft: draft})
			return []byte(s), err
		}}
	register(&command{
		name:    "html",
		summary: "导出供政府网站发布的网页 / export a web page for the government website",
		run:     x.run,
	})
}
