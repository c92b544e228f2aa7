// Package desk is the superior office's side of the annual report: the
// roster of units in scope, the intake of the files they send (app-made
// PDFs, report files, other documents through the importer), verification
// with the full checker and the text-versus-data comparison, the status of
// each unit, the 汇总 of their tables, and the letters and exports.
package desk
