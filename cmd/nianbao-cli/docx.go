package main

import (
	"nianbao/app"
	"nianbao/docx"
)

func init() {
	x := officeExport{name: "docx", what: "Word文档", ext: ".docx", style: true, fonts: true,
		write: func(r *app.Report, o officeOptions) ([]byte, error) {
			return docx.Bytes(r, docx.Options{Style: o.style, Draft: o.draft, Fonts: o.fonts})
		}}
	register(&command{
		name:    "docx",
		summary: "导出 Word 文档（不含印章） / export the report as a Word document (no seal)",
		run:     x.run,
	})
}
