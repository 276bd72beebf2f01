"use strict";
// tsmp's TypeScript language-service plugin: declare it in a project's tsconfig.json
// ("plugins": [{ "name": "tsmp/tsserver-plugin" }]) and editors using tsserver show tsmp's own
// TSMP diagnostics as you type. tsserver loads plugins with require() and tsmp is made of ES
// modules, so this loads them with import() and asks the editor to refresh once they are ready;
// until then the editor shows TypeScript's diagnostics alone.
const { join } = require("node:path");
const { pathToFileURL } = require("node:url");

module.exports = function init({ typescript }) {
  return {
    create(info) {
      const service = info.languageService;
      const proxy = Object.create(null);
      for (const key of Object.keys(service)) {
        const member = service[key];
        proxy[key] = typeof member === "function" ? (...args) => member.apply(service, args) : member;
      }
      let tsmpDiagnostics;
      proxy.getSemanticDiagnostics = (fileName) => {
        const found = service.getSemanticDiagnostics(fileName);
        return tsmpDiagnostics ? found.concat(tsmpDiagnostics(fileName)) : found;
      };
      import(pathToFileURL(join(__dirname, "..", "dist", "editor", "tsserver-plugin.js")).href).then(
        (plugin) => {
          tsmpDiagnostics = plugin.tsmpDiagnostics(info, typescript);
          info.project.refreshDiagnostics();
        },
        (error) => info.project.projectService.logger.info(`tsmp: the plugin could not load: ${error.message}`),
      );
      return proxy;
    },
  };
};
