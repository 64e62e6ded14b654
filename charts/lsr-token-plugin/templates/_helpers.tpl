{{/*
The plugin's name: the ConsolePlugin name, which must equal the name in the plugin's manifest
(package.json consolePlugin.name). Also the name of its Deployment, Service and ConfigMap.
*/}}
{{- define "lsr-token-plugin.name" -}}
lsr-token-plugin
{{- end }}

{{- define "lsr-token-plugin.labels" -}}
app.kubernetes.io/name: {{ include "lsr-token-plugin.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: {{ include "lsr-token-plugin.name" . }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end }}

{{- define "lsr-token-plugin.selectorLabels" -}}
app.kubernetes.io/name: {{ include "lsr-token-plugin.name" . }}
app.kubernetes.io/component: web-server
{{- end }}

{{/* Name of the Secret service-ca fills with the serving certificate. */}}
{{- define "lsr-token-plugin.certSecretName" -}}
{{ include "lsr-token-plugin.name" . }}-cert
{{- end }}

{{/* An image reference from {repository, tag, digest}; "what" names the value in error messages. */}}
{{- define "lsr-token-plugin.image" -}}
{{- $repo := required (printf "%s.repository is required: the image to run (see the chart's README)" .what) .image.repository -}}
{{- if .image.digest -}}
{{ $repo }}@{{ .image.digest }}
{{- else -}}
{{ $repo }}:{{ required (printf "%s.tag (or %s.digest) is required" .what .what) .image.tag }}
{{- end -}}
{{- end }}

{{/* Rules on the token Secrets for the given verbs. */}}
{{- define "lsr-token-plugin.secretRule" -}}
- apiGroups: [""]
  resources: [secrets]
  {{- if .root.Values.rbac.restrictSecretsByName }}
  {{- if not .root.Values.rbac.tokenSecretNames }}
  {{- fail "rbac.tokenSecretNames must name at least one Secret when rbac.restrictSecretsByName is true (an empty list would allow every Secret)" }}
  {{- end }}
  resourceNames: {{ toJson .root.Values.rbac.tokenSecretNames }}
  {{- end }}
  verbs: {{ toJson .verbs }}
{{- end }}

{{/* Subjects from {groups, users}. */}}
{{- define "lsr-token-plugin.subjects" -}}
{{- range .groups }}
- apiGroup: rbac.authorization.k8s.io
  kind: Group
  name: {{ . | quote }}
{{- end }}
{{- range .users }}
- apiGroup: rbac.authorization.k8s.io
  kind: User
  name: {{ . | quote }}
{{- end }}
{{- end }}
