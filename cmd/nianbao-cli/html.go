package main

import (
	"nianbao/app"
	"nianbao/htmlout"
)

func init() {
	x := officeExport{name: "html", what: "网页", ext: ".html",
		write: func(r *app.Report, o officeOptions) ([]byte, error) {
			s, err := htmlout.Page(r, htmlout.Options{Draft: o.draft})
			return []byte(s), err
		}}
	register(&command{
		name:    "html",
		summary: "导出供政府网站发布的网页 / export a web page for the government website",
		run:     x.run,
	})
}
