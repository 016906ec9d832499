/**
 * A small manifest that touches the parser's common paths, several of the
 * engine's checks and the kinds most files hold; analysed once at start-up
 * to warm the JIT and load their facts before the user's first file.
 */
export const primingManifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: warm-up
  labels: { app: warm-up }
spec:
  replicas: 2
  selector:
    matchLabels:
      app: warm-up
  template:
    metadata:
      labels:
        app: warm-up
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - labelSelector:
                matchLabels:
                  app: warm-up
              topologyKey: kubernetes.io/hostname
              matchLabelKeys: [pod-template-hash]
      containers:
        - name: app
          image: "registry.example.com/app:1.0"
          args: ["--port=8080", '--mode=fast']
          ports:
            - containerPort: 8080
          volumeMounts:
            - name: data
              mountPath: /data
              readOnly: true
              recursiveReadOnly: Enabled
          env:
            - name: GREETING
              value: |
                hello
                world
      volumes:
        - name: data
          image:
            reference: quay.io/example/data:v1
---
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata:
  name: warm-up
spec:
  minAvailable: 1
---
apiVersion: v1
kind: Service
metadata:
  name: warm-up
spec:
  ports:
    - port: 80
  trafficDistribution: PreferClose
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: warm-up
data:
  key: value
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: warm-up
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{ name: job, image: busybox }]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: warm-up
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend: { service: { name: warm-up, port: { number: 80 } } }
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: warm-up
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: warm-up }
  maxReplicas: 3
`;
