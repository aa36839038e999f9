/**
 * ECharts as the dashboard uses it (decision 036): the core and only the bar and line charts, grid, tooltip and
 * legend on the canvas renderer, so the chunk carries nothing else. Loaded with a dynamic import by `EChart`: no
 * other page pays for it.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
