// Handlebars builds its compiled templates with source-map's SourceNode when it can load
// it, and with a small built-in stand-in when it cannot. lectern never asks for source
// maps, so the bundle leaves source-map out and Handlebars uses its stand-in.
module.exports = {};
